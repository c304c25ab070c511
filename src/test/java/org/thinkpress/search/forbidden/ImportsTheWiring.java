package org.thinkpress.search.forbidden;

import org.thinkpress.app.ThinkPress;

/** A feature asking the wiring for its services instead of being given them. */
final class ImportsTheWiring {

  private ImportsTheWiring() {}

  static Object content(ThinkPress thinkPress) {
    return thinkPress.contentStore();
  }
}
