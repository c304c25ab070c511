package org.thinkpress.admin;

import java.util.List;
import org.thinkpress.admin.AdminViews.Choice;

/**
 * The view models of the newsletter's admin pages ({@code subscribers*.jte}, {@code send*.jte},
 * {@code campaign*.jte}): plain, formatted values that jte escapes; {@code *Html} fields hold
 * sanitized HTML.
 */
public final class MailViews {

  private MailViews() {}

  /** A number with what it counts and the filtered list it stands for. */
  public record Count(String label, long count, String href) {}

  public record SubscriberRow(String href, String email, String name, String status, String lists, String created) {}

  /**
   * The subscriber list: the filters as chosen, one page of rows, and the counts at the top.
   *
   * @param previousHref the previous page, or null on the first
   * @param nextHref the next page, or null on the last
   */
  public record SubscribersPage(String query, List<Choice> statuses, List<Choice> lists, List<Choice> topics,
                                List<Choice> regions, List<SubscriberRow> rows, long total, int page, long pages,
                                String previousHref, String nextHref, List<Count> byStatus, List<Count> byList,
                                List<Count> byTopic, List<Count> byRegion, long everything, long suppressed) {}

  /** One subscriber. {@code suppression} is the reason the address is suppressed, or null. */
  public record SubscriberPage(long id, String email, String name, String status, String language, List<String> lists,
                               List<String> topics, List<String> regions, boolean everything, String created,
                               String confirmed, String consent, String suppression, String suppressAction,
                               String eraseHref, String eraseAction) {}

  /**
   * The import form and, after a run, its report: how many added (by status), updated, and kept as
   * they were (by rule; {@link Count#href} holds the rule's key).
   *
   * @param csv the text just checked, carried to the real import; null before a run or after a real import
   */
  public record ImportPage(boolean ran, boolean dryRun, int added, List<Count> addedByStatus, int updated, int kept,
                           List<Count> keptByRule, List<String> errors, String sourceName, String csv) {}

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
