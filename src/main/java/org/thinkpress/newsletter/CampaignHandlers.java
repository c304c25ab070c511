package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.thinkpress.accounts.Accounts.Signed;
import org.thinkpress.accounts.Tokens;
import org.thinkpress.admin.AdminPages;
import org.thinkpress.admin.AdminViews.Choice;
import org.thinkpress.admin.Forms;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.kit.Messages;
import org.thinkpress.newsletter.NewsletterAdminViews.CampaignConfirmPage;
import org.thinkpress.newsletter.NewsletterAdminViews.CampaignPage;
import org.thinkpress.subscribers.InvalidSubscriptionException;

/**
 * The campaign composer, in three steps: write (subject, Markdown, segment), confirm (the email as
 * it will look and the number of recipients, counted by the query that queues them), send. The
 * confirmation carries a random request key, so sending the same confirmation twice (a double
 * click, a reload, the back button) creates one send. Editors and admins.
 */
final class CampaignHandlers {

  private final NewsletterService newsletter;
  private final ContentStore content;
  private final MarkdownRenderer markdown;
  private final AdminPages pages;
  private final Messages names = Messages.of("en");

  CampaignHandlers(NewsletterService newsletter, ContentStore content, MarkdownRenderer markdown, AdminPages pages) {
    this.newsletter = requireNonNull(newsletter, "newsletter");
    this.content = requireNonNull(content, "content");
    this.markdown = requireNonNull(markdown, "markdown");
    this.pages = requireNonNull(pages, "pages");
  }

  /** What the editor wrote, as the forms carry it from step to step. */
  private record Draft(String subject, String body, List<String> lists, List<String> topics, List<String> regions) {
    static Draft of(Context ctx) {
      return new Draft(Forms.text(ctx, "subject").strip(), Forms.text(ctx, "body"), Forms.list(ctx, "lists"),
          Forms.list(ctx, "topics"), Forms.list(ctx, "regions"));
    }
  }

  void newForm(Context ctx, Signed signed) {
    compose(ctx, signed, 200, null, new Draft("", "", List.of(), List.of(), List.of()));
  }

  /** Step two: the email as it will look and how many will get it; nothing is stored yet. */
  void confirm(Context ctx, Signed signed) {
    Draft draft = Draft.of(ctx);
    long recipients;
    try {
      newsletter.checkCampaign(draft.subject(), draft.body());
      recipients = newsletter.campaignRecipients(draft.lists(), draft.topics(), draft.regions());
    } catch (InvalidSubscriptionException e) {
      compose(ctx, signed, 400, "Not ready to send: " + e.getMessage() + ".", draft);
      return;
    }
    Taxonomy taxonomy = content.taxonomy();
    List<String> segment = new ArrayList<>();
    draft.topics().forEach(slug -> taxonomy.topic(slug).ifPresent(t -> segment.add(t.name())));
    draft.regions().forEach(slug -> taxonomy.region(slug).ifPresent(r -> segment.add(r.name())));
    pages.render(ctx, 200, "newsletter/admin/campaign-confirm", pages.chrome(ctx, signed, "Confirm the campaign", "campaign", null),
        new CampaignConfirmPage(draft.subject(), draft.body(), markdown.render(draft.body()).html(), draft.lists(),
            draft.topics(), draft.regions(), draft.lists().stream().map(key -> newsletter.lists().nameOf(key, names)).toList(),
            segment, recipients, Tokens.random()));
  }

  /** Step three: stores the campaign and queues it, once per confirmation. */
  void send(Context ctx, Signed signed) {
    Draft draft = Draft.of(ctx);
    String requestKey = Forms.text(ctx, "request_key");
    SendProgress sent;
    try {
      sent = newsletter.sendCampaign(draft.subject(), draft.body(), draft.lists(), draft.topics(), draft.regions(),
          requestKey);
    } catch (InvalidSubscriptionException e) {
      compose(ctx, signed, 400, "Not sent: " + e.getMessage() + ".", draft);
      return;
    }
    AdminPages.seeOther(ctx, "/admin/sends/" + sent.send().id() + "?done=campaign");
  }

  /** Back from the confirmation to the composer, with everything as it was. */
  void edit(Context ctx, Signed signed) {
    compose(ctx, signed, 200, null, Draft.of(ctx));
  }

  private void compose(Context ctx, Signed signed, int status, String error, Draft draft) {
    Taxonomy taxonomy = content.taxonomy();
    Set<String> lists = Set.copyOf(draft.lists());
    List<Choice> listChoices = newsletter.lists().all().stream()
        .map(l -> new Choice(l.key(), l.nameIn(names) + " (" + l.cadence().key() + ")", lists.contains(l.key()))).toList();
    pages.render(ctx, status, "newsletter/admin/campaign", pages.chrome(ctx, signed, "New campaign", "campaign", error),
        new CampaignPage(draft.subject(), draft.body(), listChoices, Forms.topics(taxonomy, draft.topics()),
            Forms.regions(taxonomy, draft.regions())));
  }

}
