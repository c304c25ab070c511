package org.thinkpress.subscribers;

import java.util.List;

/** The view models of the sign-up pages: plain values, escaped by jte. */
public final class SubscriberViews {

  private SubscriberViews() {}

  /** A checkbox: its value, its label, whether it is ticked, and an optional hint. */
  public record Choice(String value, String label, boolean checked, String hint, int depth) {}

  /** The lists, topics and regions a form offers, with what is ticked. */
  public record ChoiceSet(List<Choice> lists, boolean everything, List<Choice> topics, List<Choice> regions) {}

  /**
   * The sign-up page.
   *
   * @param error what was wrong with the last submission, or {@code null}
   * @param languages the languages messages can be written in, the chosen one checked: a choice
   *     when there are several, else a hidden field
   */
  public record SubscribePage(String email, String name, ChoiceSet choices, String error, List<Choice> languages) {}

  /** A page that says one thing: sent, confirmed, unsubscribed, or why a link does not work. */
  public record MessagePage(String heading, String text, String linkHref, String linkLabel) {}

  /** The page a confirmation link opens: one button, so that link scanners confirm nothing. */
  public record ConfirmPage(String action) {}

  /** The page an unsubscribe link opens by GET: one button (RFC 8058 clients POST directly). */
  public record UnsubscribePage(String action, String email) {}

  /** The preferences page. */
  public record PreferencesPage(String action, String unsubscribeAction, String email, String name,
                                ChoiceSet choices, List<Choice> languages, boolean paused, String status,
                                String notice, String error) {}
}
