package io.vigil.scan;

/**
 * What an HTTP {@code GET /} request returned. Every text is decoded, cleaned of characters that
 * XML cannot contain, and capped in length.
 *
 * @param statusCode the status code, or 0 when the status line did not parse
 * @param statusLine the first line of the response, e.g. "HTTP/1.1 200 OK"
 * @param headers the status line and the header lines, one per line, as sent
 * @param server the {@code Server} header value, or null when absent
 * @param title the text of the first {@code <title>} element, or null when absent
 */
public record HttpInfo(
    int statusCode, String statusLine, String headers, String server, String title) {}
