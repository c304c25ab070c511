package org.thinkpress.subscribers;

import java.util.List;
import org.thinkpress.admin.AdminViews.Choice;

/**
 * The view models of the subscriber admin pages ({@code src/main/jte/subscribers/admin/}): plain,
 * formatted values that jte escapes.
 */
public final class SubscriberAdminViews {

  private SubscriberAdminViews() {}

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
}
