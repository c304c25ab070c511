package org.thinkpress.newsletter;

import java.util.List;
import org.thinkpress.kit.Messages;

/**
 * The view models of email templates ({@code src/main/jte/newsletter/}): plain values, escaped by
 * jte in HTML; every URL absolute. {@code bodyHtml} is sanitized Markdown output.
 */
public final class EmailViews {

  private EmailViews() {}

  /**
   * What every message shares: the header with "view in browser" and the footer with the reason
   * the reader gets it and the links to change or stop it.
   *
   * @param viewUrl the "view in browser" link, or {@code null} (confirmation messages)
   */
  public record Frame(Messages msg, String language, String subject, String siteName, String siteUrl, String viewUrl,
                      String preferencesUrl, String unsubscribeUrl, String why, List<String> postalAddress) {}

  /** A publication in a message. */
  public record Item(String url, String kicker, String title, String standfirst, String byline, String date) {}

  public record AlertEmail(Frame frame, Item item) {}

  public record DigestEmail(Frame frame, String intro, List<Item> items) {}

  public record CampaignEmail(Frame frame, String title, String bodyHtml) {}

  public record ConfirmationEmail(Frame frame, String text, String linkUrl, String linkLabel, String after) {}

  /** The plain-text part: paragraphs (a line starting with a URL stands alone). */
  public record TextEmail(Frame frame, List<String> paragraphs) {}
}
