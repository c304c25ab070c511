package org.thinkpress.publishing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thinkpress.ThinkPressException;
import org.thinkpress.accounts.Accounts.Signed;
import org.thinkpress.admin.AdminPages;
import org.thinkpress.admin.AdminViews.Choice;
import org.thinkpress.admin.AdminViews.SecretPage;
import org.thinkpress.admin.Forms;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.Languages;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.PublicationTypes;
import org.thinkpress.content.RenderedBody;
import org.thinkpress.content.Status;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.kit.SiteConfig;
import org.thinkpress.kit.Urls;
import org.thinkpress.publishing.PreviewLinks.NewPreviewLink;
import org.thinkpress.publishing.PublishingViews.DiffLine;
import org.thinkpress.publishing.PublishingViews.DiffPage;
import org.thinkpress.publishing.PublishingViews.EditPage;
import org.thinkpress.publishing.PublishingViews.ImageChoice;
import org.thinkpress.media.Images;
import org.thinkpress.media.Uploads.Upload;
import org.thinkpress.content.InvalidContentException;
import org.thinkpress.publishing.PublishingViews.LinkRow;
import org.thinkpress.publishing.PublishingViews.ListPage;
import org.thinkpress.publishing.PublishingViews.PagesPage;
import org.thinkpress.publishing.PublishingViews.PreviewPage;
import org.thinkpress.publishing.PublishingViews.RevisionRow;
import org.thinkpress.publishing.PublishingViews.RevisionsPage;
import org.thinkpress.publishing.PublishingViews.Row;
import org.thinkpress.publishing.Workflow.Editable;
import org.thinkpress.publishing.Workflow.Saved;

/** The publications list, the editing page and everything reached from it. */
final class PublicationHandlers {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** How many of the newest image uploads the featured image's list offers. */
  private static final int IMAGE_CHOICES = 200;
  private static final Map<Action, String> ACTION_LABELS = Map.of(Action.SAVE, "Save", Action.SUBMIT,
      "Submit for review", Action.PUBLISH, "Publish now", Action.SCHEDULE, "Schedule for the publication time",
      Action.UNPUBLISH, "Unpublish", Action.ARCHIVE, "Archive");

  private final Workflow workflow;
  private final ContentStore content;
  private final MarkdownRenderer markdown;
  private final AdminPages pages;
  private final SiteConfig site;
  private final long uploadMaxMb;
  private final Images images;

  PublicationHandlers(Workflow workflow, ContentStore content, MarkdownRenderer markdown, AdminPages pages,
                      SiteConfig site, long uploadMaxBytes, Images images) {
    this.images = requireNonNull(images, "images");
    this.workflow = requireNonNull(workflow, "workflow");
    this.content = requireNonNull(content, "content");
    this.markdown = requireNonNull(markdown, "markdown");
    this.pages = requireNonNull(pages, "pages");
    this.site = requireNonNull(site, "site");
    this.uploadMaxMb = Math.max(1, uploadMaxBytes / (1024 * 1024));
  }

  void list(Context ctx, Signed signed) {
    String statusKey = ctx.queryParam("status");
    Status status = statusKey == null || statusKey.isBlank() ? null : Status.ofKey(statusKey);
    PublicationFilter filter = new PublicationFilter(status, ctx.queryParam("type"), ctx.queryParam("expert"),
        ctx.queryParam("topic"), ctx.queryParam("language"), ctx.queryParam("q"));
    Taxonomy taxonomy = content.taxonomy();
    List<Row> rows = rows(signed, filter);
    List<Choice> languages = workflow.languages().stream()
        .map(tag -> new Choice(tag, Languages.nativeName(tag), tag.equals(filter.language()))).toList();
    ListPage page = new ListPage(
        Arrays.stream(Status.values()).map(s -> new Choice(s.key(), s.key(), s == status)).toList(),
        site.types().keys().stream().map(t -> new Choice(t, t, t.equals(filter.type()))).toList(),
        taxonomy.experts().stream().map(e -> new Choice(e.slug(), e.name(), e.slug().equals(filter.expert()))).toList(),
        Forms.topics(taxonomy, Forms.chosen(filter.topic())),
        languages, filter.query() == null ? "" : filter.query(), rows,
        !filter.equals(PublicationFilter.all()));
    pages.render(ctx, 200, "publishing/admin/publications", pages.chrome(ctx, signed, "Publications", "publications", null), page);
  }

  private List<Row> rows(Signed signed, PublicationFilter filter) {
    return workflow.list(Actor.of(signed.account()), filter, 1).stream()
        .map(r -> new Row("/admin/publications/" + r.id(), r.title(), r.slug(), r.status().key(), r.type(), r.language(),
            pages.date(r.publishedAt()), pages.date(r.changedAt()), r.ownerName() == null ? "" : r.ownerName(),
            r.status() == Status.PUBLISHED || r.status() == Status.ARCHIVED ? Urls.piece(r.type(), r.slug()) : null))
        .toList();
  }

  /** {@code /admin/pages}: the site pages, which the publications list leaves out. */
  void pagesList(Context ctx, Signed signed) {
    PublicationFilter filter = new PublicationFilter(null, PublicationTypes.PAGE, null, null, null, null);
    pages.render(ctx, 200, "publishing/admin/pages", pages.chrome(ctx, signed, "Pages", "pages", null),
        new PagesPage(rows(signed, filter)));
  }

  void newForm(Context ctx, Signed signed) {
    showForm(ctx, signed, 200, null, PublicationForm.blank(site.language(), site.types().keys().get(0)), null, null);
  }

  /** {@code /admin/pages/new}: the same editor, for a page. */
  void newPage(Context ctx, Signed signed) {
    showForm(ctx, signed, 200, null, PublicationForm.blank(site.language(), PublicationTypes.PAGE), null, null);
  }

  void create(Context ctx, Signed signed) {
    try {
      if (PublicationForm.moving(ctx)) {
        showForm(ctx, signed, 200, null, PublicationForm.move(PublicationForm.read(ctx, false), ctx.formParam("move")),
            null, null);
        return;
      }
      PublicationInput input = PublicationForm.input(PublicationForm.read(ctx, true), pages.zone(), null);
      checkImage(input);
      Action action = Action.ofKey(Forms.text(ctx, "action").isEmpty() ? "save" : ctx.formParam("action"));
      Saved saved = workflow.create(Actor.of(signed.account()), input, action, input.publishedAt());
      AdminPages.seeOther(ctx, "/admin/publications/" + saved.publication().id() + "?done=created");
    } catch (ThinkPressException e) {
      if (e.kind() != ThinkPressException.Kind.BAD_INPUT && e.kind() != ThinkPressException.Kind.FORBIDDEN) {
        throw e;
      }
      showForm(ctx, signed, statusOf(e), null, PublicationForm.read(ctx, false), e.getMessage(), null);
    }
  }

  void edit(Context ctx, Signed signed) {
    Editable editable = workflow.open(Actor.of(signed.account()), Forms.id(ctx.pathParam("id")));
    showForm(ctx, signed, 200, editable, stored(editable), null, null);
  }

  /**
   * Saves the form and takes its action; or, when a move button was pressed, shows the form again
   * with that entry moved, saving nothing.
   */
  void save(Context ctx, Signed signed) {
    long id = Forms.id(ctx.pathParam("id"));
    Editable editable = workflow.open(Actor.of(signed.account()), id);
    try {
      if (PublicationForm.moving(ctx)) {
        showForm(ctx, signed, 200, editable,
            PublicationForm.move(PublicationForm.read(ctx, false), ctx.formParam("move")), null, null);
        return;
      }
      Action action = Action.ofKey(Forms.text(ctx, "action").isEmpty() ? "save" : ctx.formParam("action"));
      PublicationInput input = PublicationForm.input(PublicationForm.read(ctx, true), pages.zone(),
          editable.publication());
      checkImage(input);
      long expected = Long.parseLong(Forms.text(ctx, "edit_version").matches("[0-9]{1,18}")
          ? ctx.formParam("edit_version") : "-1");
      workflow.save(Actor.of(signed.account()), id, expected, input, action, input.publishedAt());
      AdminPages.seeOther(ctx, "/admin/publications/" + id + "?done=" + action.key());
    } catch (EditConflictException e) {
      Editable current = workflow.open(Actor.of(signed.account()), id);
      String latest = workflow.revisions(Actor.of(signed.account()), id).stream()
          .filter(r -> !r.kind().equals("conflict")).findFirst().map(r -> Long.toString(r.id())).orElse(null);
      String compare = latest == null ? null
          : "/admin/publications/" + id + "/diff?from=" + latest + "&to=" + e.keptRevisionId();
      showForm(ctx, signed, 409, current, stored(current), e.getMessage(), compare);
    } catch (ThinkPressException e) {
      if (e.kind() != ThinkPressException.Kind.BAD_INPUT && e.kind() != ThinkPressException.Kind.FORBIDDEN) {
        throw e;
      }
      showForm(ctx, signed, statusOf(e), editable, PublicationForm.read(ctx, false), e.getMessage(), null);
    }
  }

  private PublicationForm.Fields stored(Editable editable) {
    return PublicationForm.of(editable.publication().toInput(content.taxonomy()), pages.zone());
  }

  private static int statusOf(ThinkPressException e) {
    return e.kind() == ThinkPressException.Kind.FORBIDDEN ? 403 : 400;
  }

  /**
   * The editing form with {@code fields}: a stored piece's, or what a request submitted (after a
   * refused save, so that nothing typed is lost, or after a move).
   */
  private void showForm(Context ctx, Signed signed, int status, Editable editable, PublicationForm.Fields fields,
                        String error, String conflictHref) {
    Taxonomy taxonomy = content.taxonomy();
    long id = editable == null ? 0 : editable.publication().id();
    List<Choice> actions = new ArrayList<>();
    for (Action action : editable == null ? List.of(Action.SAVE, Action.SUBMIT, Action.PUBLISH, Action.SCHEDULE)
        : List.copyOf(editable.actions())) {
      if (editable != null || !action.editorsOnly() || signed.account().role().isEditor()) {
        actions.add(new Choice(action.key(), ACTION_LABELS.get(action), false));
      }
    }
    Status current = editable == null ? Status.DRAFT : editable.publication().status();
    boolean isPage = PublicationTypes.isPage(fields.type());
    String base = "/admin/publications/" + id;
    List<LinkRow> links = editable == null ? List.of() : workflow.previewLinks(Actor.of(signed.account()), id).stream()
        .map(l -> new LinkRow(l.id(), pages.date(l.createdAt()), l.active(), base + "/preview-links/" + l.id() + "/revoke"))
        .toList();
    EditPage page = new EditPage(id, editable == null ? 0 : editable.editVersion(),
        id == 0 ? "/admin/publications" : base, fields.title(), fields.slug(), fields.language(),
        fields.translationGroup(), fields.standfirst(), fields.body(), types(fields.type()),
        PublicationForm.lists(taxonomy, fields), fields.featured(), fields.publishedAt(),
        PublicationForm.step(fields.publishedAt()), fields.updatedAt(), PublicationForm.step(fields.updatedAt()),
        current.key(), current.key(), pages.zone().getId(), editable == null || editable.mayEdit(), actions,
        current == Status.PUBLISHED || current == Status.ARCHIVED
            ? Urls.piece(editable.publication().type(), editable.publication().slug()) : null,
        base + "/preview", base + "/revisions", links, base + "/preview-links", conflictHref,
        "/admin/uploads", uploadMaxMb, isPage, imageChoice(fields.image()));
    String what = isPage ? "page" : "publication";
    String heading = id == 0 ? "New " + what : "Edit: " + (fields.title().isBlank() ? what : fields.title());
    String section = isPage ? "pages" : id == 0 ? "new" : "publications";
    pages.render(ctx, status, "publishing/admin/edit", pages.chrome(ctx, signed, heading, section, error), page);
  }

  /** The image uploads to choose a featured image from, newest first, and the chosen one even when older. */
  private ImageChoice imageChoice(PublicationForm.ImageFields image) {
    List<Choice> uploads = new ArrayList<>();
    uploads.add(new Choice("", "No featured image", image.url().isEmpty()));
    boolean listed = image.url().isEmpty();
    for (Upload upload : images.library(IMAGE_CHOICES)) {
      boolean chosen = upload.url().equals(image.url());
      listed |= chosen;
      uploads.add(new Choice(upload.url(), upload.originalName() + " (" + upload.width() + " × " + upload.height() + ")",
          chosen));
    }
    if (!listed) {
      uploads.add(1, new Choice(image.url(), image.url(), true));
    }
    return new ImageChoice(uploads, image.url(), image.alt(), image.caption(), image.credit());
  }

  /** Refuses a featured image that is not an uploaded image (a document's address, a name typed by hand). */
  private void checkImage(PublicationInput input) {
    if (input.image() != null && !images.isImage(input.image().url())) {
      throw new InvalidContentException("image '" + input.image().url() + "' is not an uploaded image (PNG, JPEG, GIF"
          + " or WebP): choose one from the list, or upload it in the media library first");
    }
  }

  /** The configured types, and the piece's own when it is no longer configured, so that a save cannot change it unseen. */
  private List<Choice> types(String type) {
    List<Choice> types = new ArrayList<>(site.types().keys().stream().map(t -> new Choice(t, t, t.equals(type))).toList());
    if (!type.isBlank() && !site.types().keys().contains(type)) {
      types.add(0, new Choice(type, type + " (not configured)", true));
    }
    return types;
  }

  void preview(Context ctx, Signed signed) {
    Editable editable = workflow.open(Actor.of(signed.account()), Forms.id(ctx.pathParam("id")));
    showPreview(ctx, signed, editable.publication(), "/admin/publications/" + editable.publication().id());
  }

  /** {@code /preview/TOKEN}: a piece shown to whoever holds the link, until it is revoked. */
  void sharedPreview(Context ctx) {
    Publication publication = workflow.previewByToken(ctx.pathParam("token"))
        .orElseThrow(() -> new ContentNotFoundException("preview", "link"));
    showPreview(ctx, null, publication, null);
  }

  private void showPreview(Context ctx, Signed signed, Publication publication, String editHref) {
    PreviewPage page = new PreviewPage(publication.title(), publication.standfirst(), publication.bodyHtml(),
        publication.status().key(), publication.language(),
        publication.toc().stream().map(t -> t.text()).toList(), editHref);
    ctx.header("Referrer-Policy", "no-referrer"); // the token must not leak to linked sites
    pages.render(ctx, 200, "publishing/admin/preview", pages.chrome(ctx, signed, "Preview: " + publication.title(), "publications", null),
        page);
  }

  void revisions(Context ctx, Signed signed) {
    long id = Forms.id(ctx.pathParam("id"));
    Editable editable = workflow.open(Actor.of(signed.account()), id);
    List<Revision> revisions = workflow.revisions(Actor.of(signed.account()), id);
    String base = "/admin/publications/" + id;
    long currentRevision = revisions.stream().filter(r -> !r.kind().equals("conflict")).mapToLong(Revision::id)
        .findFirst().orElse(0);
    List<RevisionRow> rows = revisions.stream()
        .map(r -> new RevisionRow(r.id(), r.editVersion(), r.kind(), r.authorName(), r.note(), pages.date(r.createdAt()),
            editable.mayEdit() && r.id() != currentRevision ? base + "/revisions/" + r.id() + "/restore" : null,
            r.id() == currentRevision))
        .toList();
    String to = revisions.isEmpty() ? "" : Long.toString(revisions.get(0).id());
    String from = revisions.size() < 2 ? to : Long.toString(revisions.get(1).id());
    pages.render(ctx, 200, "publishing/admin/revisions", pages.chrome(ctx, signed, "Revisions: " + editable.publication().title(),
            "publications", null),
        new RevisionsPage(id, editable.publication().title(), base, base + "/diff", editable.editVersion(), rows, from, to));
  }

  void diff(Context ctx, Signed signed) {
    long id = Forms.id(ctx.pathParam("id"));
    long from = Forms.id(ctx.queryParam("from"));
    long to = Forms.id(ctx.queryParam("to"));
    RevisionDiff.Diff diff = workflow.diff(Actor.of(signed.account()), id, from, to);
    List<DiffLine> lines = diff.identical() ? List.of() : diff.lines().stream()
        .map(l -> new DiffLine(l.change().name().toLowerCase(java.util.Locale.ROOT),
            l.oldNumber() == 0 ? "" : Integer.toString(l.oldNumber()),
            l.newNumber() == 0 ? "" : Integer.toString(l.newNumber()), l.text()))
        .toList();
    pages.render(ctx, 200, "publishing/admin/diff", pages.chrome(ctx, signed, "Changes from #" + from + " to #" + to, "publications", null),
        new DiffPage(diff.to().document().title(), "/admin/publications/" + id + "/revisions", "#" + from, "#" + to,
            diff.added(), diff.removed(), lines));
  }

  void restore(Context ctx, Signed signed) {
    long id = Forms.id(ctx.pathParam("id"));
    long expected = Long.parseLong(Forms.text(ctx, "edit_version").matches("[0-9]{1,18}")
        ? ctx.formParam("edit_version") : "-1");
    workflow.restore(Actor.of(signed.account()), id, Forms.id(ctx.pathParam("revision")), expected);
    AdminPages.seeOther(ctx, "/admin/publications/" + id + "?done=restored");
  }

  void createPreviewLink(Context ctx, Signed signed) {
    long id = Forms.id(ctx.pathParam("id"));
    NewPreviewLink link = workflow.createPreviewLink(Actor.of(signed.account()), id);
    pages.render(ctx, 200, "admin/secret", pages.chrome(ctx, signed, "New preview link", "publications", null),
        new SecretPage("New preview link #" + link.id(), "Anyone with this link can read the publication, in any"
            + " status, until you revoke the link on the editing page.", site.absolute("/preview/" + link.token()),
            "/admin/publications/" + id, "Back to editing"));
  }

  void revokePreviewLink(Context ctx, Signed signed) {
    long id = Forms.id(ctx.pathParam("id"));
    workflow.revokePreviewLink(Actor.of(signed.account()), id, Forms.id(ctx.pathParam("link")));
    AdminPages.seeOther(ctx, "/admin/publications/" + id + "?done=revoked");
  }

  /** The editor's live preview: Markdown in, the site's sanitized HTML out, as JSON. */
  void livePreview(Context ctx, Signed signed) throws Exception {
    String body = Forms.text(ctx, "body");
    if (body.length() > 2_000_000) {
      throw new org.thinkpress.content.InvalidContentException("the text is too long to preview");
    }
    RenderedBody rendered = markdown.render(body);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("html", rendered.html());
    result.put("words", rendered.words());
    result.put("readingMinutes", rendered.readingMinutes());
    ctx.header("Content-Type", "application/json; charset=utf-8");
    ctx.result(JSON.writeValueAsBytes(result));
  }

}
