package io.vigil.scan;

/**
 * The outcome of host discovery: whether the host replied, and the probe that showed it.
 *
 * @param alive whether any probe got a reply (an accepted or a refused TCP connection, or a
 *     positive {@code InetAddress.isReachable})
 * @param evidence the probe and reply that decided, e.g. "TCP port 22 refused the connection"
 */
public record Discovery(boolean alive, String evidence) {}
