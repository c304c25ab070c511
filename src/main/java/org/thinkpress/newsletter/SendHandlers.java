package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thinkpress.accounts.Accounts.Signed;
import org.thinkpress.admin.AdminPages;
import org.thinkpress.admin.Forms;
import org.thinkpress.newsletter.NewsletterAdminViews.FailureRow;
import org.thinkpress.newsletter.NewsletterAdminViews.SendPage;
import org.thinkpress.newsletter.NewsletterAdminViews.SendRow;
import org.thinkpress.newsletter.NewsletterAdminViews.SendsPage;
import org.thinkpress.subscribers.EmailAddresses;

/**
 * Sends in the admin: the latest with their counts, one with its failures and a retry, and its
 * progress as JSON for the page's script. Editors and admins; only admins see who a failure was
 * for ({@link Role#seesSubscribers}).
 */
final class SendHandlers {

  static final int LATEST = 50;
  static final int FAILURES_SHOWN = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final NewsletterService newsletter;
  private final AdminPages pages;

  SendHandlers(NewsletterService newsletter, AdminPages pages) {
    this.newsletter = requireNonNull(newsletter, "newsletter");
    this.pages = requireNonNull(pages, "pages");
  }

  void list(Context ctx, Signed signed) {
    List<SendRow> rows = newsletter.sends(LATEST).stream().map(this::row).toList();
    pages.render(ctx, 200, "newsletter/admin/sends", pages.chrome(ctx, signed, "Sends", "sends", null), new SendsPage(rows));
  }

  void show(Context ctx, Signed signed) {
    long id = Forms.id(ctx.pathParam("id"));
    SendProgress progress = newsletter.progress(id);
    boolean seesSubscribers = signed.account().role().seesSubscribers();
    List<FailureRow> failures = newsletter.failures(id, FAILURES_SHOWN).stream()
        .map(f -> failure(f, seesSubscribers)).toList();
    pages.render(ctx, 200, "newsletter/admin/send", pages.chrome(ctx, signed, "Send #" + id, "sends", null),
        new SendPage(row(progress), failures, "/admin/sends/" + id + "/retry"));
  }

  /** The counts of one send, for the script that keeps its page current. */
  void progress(Context ctx, Signed signed) throws IOException {
    SendProgress p = newsletter.progress(Forms.id(ctx.pathParam("id")));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", p.send().id());
    json.put("total", p.total());
    json.put("queued", p.queued());
    json.put("retrying", p.retrying());
    json.put("submitting", p.submitting());
    json.put("submitted", p.submitted());
    json.put("failed", p.failed());
    json.put("suppressed", p.suppressed());
    json.put("cancelled", p.cancelled());
    json.put("uncertain", p.uncertain());
    json.put("done", p.done());
    json.put("finished", p.finished());
    ctx.header("Content-Type", "application/json; charset=utf-8");
    ctx.result(JSON.writeValueAsBytes(json));
  }

  void retry(Context ctx, Signed signed) {
    long id = Forms.id(ctx.pathParam("id"));
    newsletter.retryFailed(id);
    AdminPages.seeOther(ctx, "/admin/sends/" + id + "?done=retried");
  }

  /** A failure as the signed-in role may see it: see {@link Role#seesSubscribers}. */
  private static FailureRow failure(SendFailure f, boolean seesSubscribers) {
    String attempts = Integer.toString(f.attempts());
    return seesSubscribers
        ? new FailureRow(f.email(), "/admin/subscribers/" + f.subscriberId(), attempts, f.lastError())
        : new FailureRow("subscriber #" + f.subscriberId(), null, attempts, EmailAddresses.withoutAddresses(f.lastError()));
  }

  private SendRow row(SendProgress p) {
    String href = "/admin/sends/" + p.send().id();
    return new SendRow(p.send().id(), href, p.send().kind().key(), p.send().listKey() == null ? "" : p.send().listKey(),
        p.send().subject(), pages.date(p.send().createdAt()), p.total(), p.queued(), p.retrying(), p.submitting(),
        p.submitted(), p.failed(), p.suppressed(), p.cancelled(), p.uncertain(), p.done(), p.finished(),
        href + "/progress");
  }
}
