package io.vigil;

import io.vigil.cli.VigilCommand;
import picocli.CommandLine;

/** Entry point of the vigil jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(VigilCommand.commandLine().execute(args));
  }
}
