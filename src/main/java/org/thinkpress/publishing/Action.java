package org.thinkpress.publishing;

import java.util.Locale;
import org.thinkpress.content.InvalidContentException;
import org.thinkpress.content.Status;

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

  /**
   * Whether the action makes sense for a piece in {@code status}: publishing what is live, archiving
   * what never was, or unpublishing a draft is refused rather than done silently.
   */
  public boolean appliesTo(Status status) {
    return switch (this) {
      case SAVE -> true;
      case SUBMIT -> status == Status.DRAFT || status == Status.IN_REVIEW;
      case PUBLISH -> status != Status.PUBLISHED;
      case SCHEDULE -> status == Status.DRAFT || status == Status.IN_REVIEW || status == Status.SCHEDULED;
      case UNPUBLISH -> status == Status.PUBLISHED || status == Status.SCHEDULED || status == Status.ARCHIVED;
      case ARCHIVE -> status == Status.PUBLISHED;
    };
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
