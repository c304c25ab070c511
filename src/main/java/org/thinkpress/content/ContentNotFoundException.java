package org.thinkpress.content;

import org.thinkpress.ThinkPressException;

/** No publication, expert, topic, region or type answers to the slug asked for. */
public final class ContentNotFoundException extends ThinkPressException {

  public ContentNotFoundException(String what, String slug) {
    super(Kind.NOT_FOUND, "No " + what + " with slug '" + slug + "'");
  }
}
