package io.vigil.scan;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Filters of the scan list; null or empty means no filter.
 *
 * @param targets IPv4 addresses as unsigned numbers: scans whose target holds any of them
 * @param launchedAfter lower bound of the launch time, inclusive
 * @param launchedBefore upper bound of the launch time, inclusive
 */
public record ScanListQuery(
    String ref,
    Set<ScanState> states,
    Boolean processed,
    String type,
    List<Long> targets,
    String userLogin,
    Instant launchedAfter,
    Instant launchedBefore,
    Long clientId) {}
