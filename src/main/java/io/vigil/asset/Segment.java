package io.vigil.asset;

import io.vigil.net.IpRange;

/**
 * One range of IPs and the value stored for every address in it.
 *
 * @param <T> the stored value, compared with {@code equals} when neighbours are merged
 */
public record Segment<T>(IpRange range, T value) {}
