package org.thinkpress.app;

import org.thinkpress.ThinkPressException;

/** A setting is missing, malformed or out of range; the message names the setting. */
public final class ConfigException extends ThinkPressException {

  public ConfigException(String message) {
    super(Kind.BAD_INPUT, message);
  }

  public ConfigException(String message, Throwable cause) {
    super(Kind.BAD_INPUT, message, cause);
  }
}
