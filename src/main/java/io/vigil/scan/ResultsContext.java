package io.vigil.scan;

import java.time.Instant;

/**
 * The user and subscription that fetch scan results, for the account block of the extended
 * formats.
 *
 * @param company the subscription's company name
 * @param userName the user's first and last name
 * @param role the user's role, such as "Manager"
 * @param consultant whether the subscription is a Consultant one, which shows the client
 * @param version the Vigil version, shown as the scanner version
 * @param now when the results are generated
 */
public record ResultsContext(
    String company,
    String userName,
    String login,
    String role,
    boolean consultant,
    String version,
    Instant now) {}
