package org.thinkpress.newsletter;

import java.util.List;
import org.thinkpress.admin.AdminViews.Choice;

/**
 * The view models of the newsletter's admin pages ({@code src/main/jte/newsletter/admin/}): sends
 * and campaigns, as plain, formatted values that jte escapes; {@code *Html} fields hold sanitized HTML.
 */
public final class NewsletterAdminViews {

  private NewsletterAdminViews() {}

  /** A send with its counts. {@code href} is its page, {@code progressHref} its JSON. */
  public record SendRow(long id, String href, String kind, String list, String subject, String created, long total,
                        long queued, long retrying, long submitting, long submitted, long failed, long suppressed,
                        long cancelled, long uncertain, long done, boolean finished, String progressHref) {}

  public record SendsPage(List<SendRow> sends) {}

  /**
   * A failed message: who (the address, linked to the subscriber, for an admin; "subscriber #N"
   * for others, with {@code href} null) and the last error (addresses in it masked for others).
   */
  public record FailureRow(String recipient, String href, String attempts, String error) {}

  public record SendPage(SendRow send, List<FailureRow> failures, String retryAction) {}

  /** The composer, filled in again after a refusal or from the confirmation step. */
  public record CampaignPage(String subject, String body, List<Choice> lists, List<Choice> topics,
                             List<Choice> regions) {}

  /**
   * The confirmation step: the email as it will look, the recipients counted by the query that
   * will queue them, and the form that sends it once ({@code requestKey}).
   */
  public record CampaignConfirmPage(String subject, String body, String bodyHtml, List<String> lists,
                                    List<String> topics, List<String> regions, List<String> listNames,
                                    List<String> segmentNames, long recipients, String requestKey) {}
}
