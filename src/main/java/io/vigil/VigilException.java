package io.vigil;

/** Root of Vigil's unchecked exceptions. Subclasses are named for what failed. */
public class VigilException extends RuntimeException {
  public VigilException(String message) {
    super(message);
  }

  public VigilException(String message, Throwable cause) {
    super(message, cause);
  }
}
