package org.thinkpress.publishing;

import java.util.Locale;
import org.thinkpress.content.InvalidContentException;

/** What a save does to a piece's status besides storing its fields. */
public enum Action {
  /** Store the fields; the status stays as it is (a new piece starts as a draft). */
  SAVE,
  /** Ask an editor to review it: becomes {@code in-review}. */
  SUBMIT,
  /** Put it on the site now. Editors only. */
  PUBLISH,
  /** Put it on the site at a given future time. Editors only. */
  SCHEDULE,
  /** Take it off the site, back to a draft. Editors only. */
  UNPUBLISH,
  /** Withdraw it from listings, feeds and the sitemap, keeping its URL. Editors only. */
  ARCHIVE;

  /** Whether only an editor may take this action. */
  public boolean editorsOnly() {
    return this == PUBLISH || this == SCHEDULE || this == UNPUBLISH || this == ARCHIVE;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Action ofKey(String key) {
    for (Action action : values()) {
      if (action.key().equals(key)) {
        return action;
      }
    }
    throw new InvalidContentException("unknown action '" + key + "'; expected save, submit, publish, schedule,"
        + " unpublish or archive");
  }
}
