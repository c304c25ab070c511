package org.thinkpress.cli;

import org.thinkpress.ThinkPressException;

/** An option's value is not one the command can use; the message names the option and the value. */
final class InvalidOptionException extends ThinkPressException {

  private final String option;

  /** @param message the whole message, starting with the option as it was typed ({@code --at '...'}) */
  InvalidOptionException(String option, String message) {
    super(Kind.BAD_INPUT, message);
    this.option = option;
  }

  /** The option, as in {@code --at}. */
  String option() {
    return option;
  }
}
