package org.thinkpress.newsletter;

import io.javalin.http.HandlerType;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminPages;
import org.thinkpress.admin.AdminRoutes;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.MarkdownRenderer;

/** The newsletter's admin pages: sends with their progress and failures, and campaigns. Editors and admins. */
public final class NewsletterAdmin implements AdminRoutes.Section {

  private final SendHandlers sends;
  private final CampaignHandlers campaigns;

  public NewsletterAdmin(NewsletterService newsletter, ContentStore content, MarkdownRenderer markdown,
                         AdminPages pages) {
    this.sends = new SendHandlers(newsletter, pages);
    this.campaigns = new CampaignHandlers(newsletter, content, markdown, pages);
  }

  @Override
  public void register(AdminRoutes routes) {
    SendHandlers d = sends;
    routes.gated(HandlerType.GET, "/admin/sends", Role.EDITOR, d::list);
    routes.gated(HandlerType.GET, "/admin/sends/{id}", Role.EDITOR, d::show);
    routes.gated(HandlerType.GET, "/admin/sends/{id}/progress", Role.EDITOR, d::progress);
    routes.gated(HandlerType.POST, "/admin/sends/{id}/retry", Role.EDITOR, d::retry);

    CampaignHandlers c = campaigns;
    routes.gated(HandlerType.GET, "/admin/campaigns/new", Role.EDITOR, c::newForm);
    routes.gated(HandlerType.POST, "/admin/campaigns/confirm", Role.EDITOR, c::confirm);
    routes.gated(HandlerType.POST, "/admin/campaigns/edit", Role.EDITOR, c::edit);
    routes.gated(HandlerType.POST, "/admin/campaigns", Role.EDITOR, c::send);
  }
}
