package org.thinkpress.publishing;

import static java.util.Objects.requireNonNull;

import io.javalin.http.HandlerType;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminPages;
import org.thinkpress.admin.AdminRoutes;
import org.thinkpress.content.ContentStore;
import org.thinkpress.media.Images;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.content.TaxonKind;
import org.thinkpress.kit.SiteConfig;

/**
 * The editorial admin pages: the publications list, the editing page and what is reached from it
 * (preview, revisions, changes, preview links), the site pages' list and new-page form (a page is
 * edited on the same page as a publication, with the fields a page has no use for hidden), the shared previews at {@code /preview/TOKEN}, and
 * the experts, topics and regions. Authors reach their own pieces; editors everything.
 */
public final class PublishingAdmin implements AdminRoutes.Section {

  private final PublicationHandlers publications;
  private final TaxonomyHandlers taxonomy;

  /**
   * @param uploadMaxBytes the largest image the editing page's upload accepts (it says so)
   */
  public PublishingAdmin(Workflow workflow, TaxonomyEditor taxonomyEditor, ContentStore content,
                         MarkdownRenderer markdown, AdminPages pages, SiteConfig site, long uploadMaxBytes,
                         Images images) {
    requireNonNull(content, "content");
    this.publications = new PublicationHandlers(workflow, content, markdown, pages, site, uploadMaxBytes, images);
    this.taxonomy = new TaxonomyHandlers(content, taxonomyEditor, pages, images);
  }

  @Override
  public void register(AdminRoutes routes) {
    routes.open(HandlerType.GET, "/preview/{token}", publications::sharedPreview);

    PublicationHandlers p = publications;
    routes.gated(HandlerType.GET, "/admin", Role.AUTHOR, p::list);
    routes.gated(HandlerType.GET, "/admin/publications/new", Role.AUTHOR, p::newForm);
    routes.gated(HandlerType.GET, "/admin/pages", Role.AUTHOR, p::pagesList);
    routes.gated(HandlerType.GET, "/admin/pages/new", Role.AUTHOR, p::newPage);
    routes.gated(HandlerType.POST, "/admin/publications", Role.AUTHOR, p::create);
    routes.gated(HandlerType.GET, "/admin/publications/{id}", Role.AUTHOR, p::edit);
    routes.gated(HandlerType.POST, "/admin/publications/{id}", Role.AUTHOR, p::save);
    routes.gated(HandlerType.GET, "/admin/publications/{id}/preview", Role.AUTHOR, p::preview);
    routes.gated(HandlerType.GET, "/admin/publications/{id}/revisions", Role.AUTHOR, p::revisions);
    routes.gated(HandlerType.GET, "/admin/publications/{id}/diff", Role.AUTHOR, p::diff);
    routes.gated(HandlerType.POST, "/admin/publications/{id}/revisions/{revision}/restore", Role.AUTHOR, p::restore);
    routes.gated(HandlerType.POST, "/admin/publications/{id}/preview-links", Role.AUTHOR, p::createPreviewLink);
    routes.gated(HandlerType.POST, "/admin/publications/{id}/preview-links/{link}/revoke", Role.AUTHOR,
        p::revokePreviewLink);
    routes.gated(HandlerType.POST, "/admin/preview", Role.AUTHOR, p::livePreview);

    for (TaxonKind kind : TaxonKind.values()) {
      String base = "/admin/" + kind.plural();
      TaxonomyHandlers t = taxonomy;
      routes.gated(HandlerType.GET, base, Role.EDITOR, (ctx, s) -> t.list(ctx, s, kind));
      routes.gated(HandlerType.POST, base, Role.EDITOR, (ctx, s) -> t.create(ctx, s, kind));
      routes.gated(HandlerType.GET, base + "/{slug}", Role.EDITOR, (ctx, s) -> t.edit(ctx, s, kind));
      routes.gated(HandlerType.POST, base + "/{slug}", Role.EDITOR, (ctx, s) -> t.save(ctx, s, kind));
      routes.gated(HandlerType.POST, base + "/{slug}/rename", Role.EDITOR, (ctx, s) -> t.rename(ctx, s, kind));
      routes.gated(HandlerType.POST, base + "/{slug}/merge", Role.EDITOR, (ctx, s) -> t.merge(ctx, s, kind));
      routes.gated(HandlerType.POST, base + "/{slug}/delete", Role.EDITOR, (ctx, s) -> t.delete(ctx, s, kind));
    }
  }
}
