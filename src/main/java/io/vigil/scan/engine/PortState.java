package io.vigil.scan.engine;

/** The outcome of one TCP connect. */
enum PortState {
  /** The connection was accepted. */
  OPEN,
  /** The host refused the connection (TCP RST), so it is alive but nothing listens. */
  CLOSED,
  /** The connect timed out or failed without a refusal, so nothing is known. */
  FILTERED
}
