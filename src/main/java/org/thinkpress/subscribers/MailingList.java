package org.thinkpress.subscribers;

import java.util.Locale;
import org.thinkpress.kit.Messages;

/**
 * A kind of mail subscribers choose: {@code key} as in URLs and the database, and how often it is sent.
 *
 * @param key lower-case letters, digits and dashes, such as {@code weekly-digest}
 * @param cadence when mail goes to the list
 */
public record MailingList(String key, Cadence cadence) {

  /** When a list's mail goes out. */
  public enum Cadence {
    /** One message per publication, when it is published. */
    ALERT,
    /** One digest a day of what was published that matches the subscriber's interests. */
    DAILY,
    /** One digest a week. */
    WEEKLY,
    /** Only campaigns that editors send. */
    CAMPAIGNS;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public boolean isDigest() {
    return cadence == Cadence.DAILY || cadence == Cadence.WEEKLY;
  }

  /** The list's name for readers: its {@code list.KEY} message, or the key made readable. */
  public String nameIn(Messages msg) {
    String messageKey = "list." + key;
    String name = msg.get(messageKey);
    if (!name.equals(messageKey)) {
      return name;
    }
    String words = key.replace('-', ' ');
    return words.substring(0, 1).toUpperCase(msg.locale()) + words.substring(1);
  }
}
