package org.thinkpress.publishing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thinkpress.ThinkPressException;
import org.thinkpress.accounts.Account;
import org.thinkpress.accounts.Accounts;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminPages;
import org.thinkpress.admin.AdminRoutes.Route;
import org.thinkpress.admin.Forms;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.ExpertInput;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.RegionInput;
import org.thinkpress.content.Status;
import org.thinkpress.content.TaxonKind;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.TopicInput;
import org.thinkpress.kit.SiteConfig;
import org.thinkpress.media.Uploads;
import org.thinkpress.publishing.PreviewLinks.NewPreviewLink;
import org.thinkpress.publishing.Workflow.Editable;
import org.thinkpress.publishing.Workflow.Saved;


/**
 * The admin API under {@code /admin/api/}: JSON in and out, the same actions as the UI, the same
 * rules (the workflow enforces them). Requests carry {@code Authorization: Bearer TOKEN}; cookies
 * are ignored here, so a page on another site cannot make a browser call the API (no CSRF token
 * needed). Documented in {@code docs/api.md}.
 */
public final class ApiRoutes {

  static final String BASE = "/admin/api";

  /** A handler that runs once the token is checked. */
  @FunctionalInterface
  interface ApiHandler {
    Object handle(Context ctx, Account account) throws Exception;
  }

  private final Accounts accounts;
  private final Workflow workflow;
  private final ContentStore content;
  private final TaxonomyEditor taxonomyEditor;
  private final Uploads uploads;
  private final MarkdownRenderer markdown;
  private final SiteConfig site;
  private final List<Route> table = new ArrayList<>();

  public ApiRoutes(Accounts accounts, Workflow workflow, ContentStore content, TaxonomyEditor taxonomyEditor, Uploads uploads,
            MarkdownRenderer markdown, SiteConfig site) {
    this.accounts = requireNonNull(accounts, "accounts");
    this.workflow = requireNonNull(workflow, "workflow");
    this.content = requireNonNull(content, "content");
    this.taxonomyEditor = requireNonNull(taxonomyEditor, "taxonomyEditor");
    this.uploads = requireNonNull(uploads, "uploads");
    this.markdown = requireNonNull(markdown, "markdown");
    this.site = requireNonNull(site, "site");
  }

  /** Every API route with the least role it needs, once registered. */
  public List<Route> table() {
    return List.copyOf(table);
  }

  public void register(RoutesConfig routes) {
    String p = BASE + "/publications";
    api(routes, HandlerType.GET, BASE + "/me", Role.AUTHOR, (ctx, a) -> Map.of("id", a.id(), "email", a.email(),
        "name", a.name(), "role", a.role().key()));
    api(routes, HandlerType.GET, p, Role.AUTHOR, this::list);
    api(routes, HandlerType.POST, p, Role.AUTHOR, this::create);
    api(routes, HandlerType.GET, p + "/{id}", Role.AUTHOR, (ctx, a) -> view(workflow.open(Actor.of(a), id(ctx))));
    api(routes, HandlerType.PUT, p + "/{id}", Role.AUTHOR, this::save);
    api(routes, HandlerType.POST, p + "/{id}/actions/{action}", Role.AUTHOR, this::act);
    api(routes, HandlerType.GET, p + "/{id}/revisions", Role.AUTHOR, (ctx, a) ->
        workflow.revisions(Actor.of(a), id(ctx)).stream().map(r -> ApiJson.revision(r, false)).toList());
    api(routes, HandlerType.GET, p + "/{id}/revisions/{revision}", Role.AUTHOR, (ctx, a) ->
        ApiJson.revision(workflow.revision(Actor.of(a), id(ctx), Forms.id(ctx.pathParam("revision"))), true));
    api(routes, HandlerType.POST, p + "/{id}/revisions/{revision}/restore", Role.AUTHOR, (ctx, a) -> {
      workflow.open(Actor.of(a), id(ctx)); // a stranger's piece is not found, whatever the body says
      JsonNode body = ApiJson.parse(ctx.bodyAsBytes());
      return saved(workflow.restore(Actor.of(a), id(ctx), Forms.id(ctx.pathParam("revision")),
          ApiJson.number(body, "edit_version")));
    });
    api(routes, HandlerType.GET, p + "/{id}/diff", Role.AUTHOR, this::diff);
    api(routes, HandlerType.GET, p + "/{id}/preview-links", Role.AUTHOR, (ctx, a) ->
        workflow.previewLinks(Actor.of(a), id(ctx)).stream().map(l -> Map.of("id", l.id(), "created",
            l.createdAt().toString(), "active", l.active())).toList());
    api(routes, HandlerType.POST, p + "/{id}/preview-links", Role.AUTHOR, (ctx, a) -> {
      NewPreviewLink link = workflow.createPreviewLink(Actor.of(a), id(ctx));
      ctx.status(201);
      return Map.of("id", link.id(), "url", site.absolute("/preview/" + link.token()));
    });
    api(routes, HandlerType.DELETE, p + "/{id}/preview-links/{link}", Role.AUTHOR, (ctx, a) ->
        Map.of("revoked", workflow.revokePreviewLink(Actor.of(a), id(ctx), Forms.id(ctx.pathParam("link")))));
    api(routes, HandlerType.POST, BASE + "/preview", Role.AUTHOR, (ctx, a) -> {
      JsonNode body = ApiJson.parse(ctx.bodyAsBytes());
      return Map.of("html", markdown.render(ApiJson.text(body, "body", "")).html());
    });
    api(routes, HandlerType.POST, BASE + "/uploads", Role.AUTHOR, (ctx, a) -> {
      var upload = uploads.store(new ByteArrayInputStream(ctx.bodyAsBytes()),
          Optional.ofNullable(ctx.header("X-Filename")).orElse(""), a.id());
      ctx.status(201);
      return Map.of("url", upload.url(), "content_type", upload.contentType(), "size", upload.sizeBytes());
    });
    for (TaxonKind kind : TaxonKind.values()) {
      String base = BASE + "/" + kind.plural();
      api(routes, HandlerType.GET, base, Role.EDITOR, (ctx, a) -> taxa(kind));
      api(routes, HandlerType.PUT, base + "/{slug}", Role.EDITOR, (ctx, a) -> putTaxon(ctx, kind));
      api(routes, HandlerType.POST, base + "/{slug}/rename", Role.EDITOR, (ctx, a) -> {
        taxonomyEditor.rename(kind, ctx.pathParam("slug"), ApiJson.text(ApiJson.parse(ctx.bodyAsBytes()), "new_slug", ""));
        return Map.of("ok", true);
      });
      api(routes, HandlerType.POST, base + "/{slug}/merge", Role.EDITOR, (ctx, a) -> {
        taxonomyEditor.merge(kind, ctx.pathParam("slug"), ApiJson.text(ApiJson.parse(ctx.bodyAsBytes()), "into", ""));
        return Map.of("ok", true);
      });
      api(routes, HandlerType.DELETE, base + "/{slug}", Role.EDITOR, (ctx, a) -> {
        taxonomyEditor.delete(kind, ctx.pathParam("slug"));
        return Map.of("ok", true);
      });
    }
  }

  private Object list(Context ctx, Account account) {
    String status = ctx.queryParam("status");
    PublicationFilter filter = new PublicationFilter(status == null || status.isBlank() ? null : Status.ofKey(status),
        ctx.queryParam("type"), ctx.queryParam("expert"), ctx.queryParam("topic"), ctx.queryParam("language"),
        ctx.queryParam("q"));
    String page = ctx.queryParam("page");
    int number = page != null && page.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(page) : 1;
    return workflow.list(Actor.of(account), filter, number).stream().map(ApiJson::row).toList();
  }

  private Object create(Context ctx, Account account) {
    JsonNode body = ApiJson.parse(ctx.bodyAsBytes());
    PublicationInput input = ApiJson.publication(body, null);
    Action action = Action.ofKey(ApiJson.text(body, "action", "save"));
    Saved saved = workflow.create(Actor.of(account), input, action, ApiJson.instant(body, "schedule_at", null));
    ctx.status(201);
    return saved(saved);
  }

  private Object save(Context ctx, Account account) {
    long id = id(ctx);
    JsonNode body = ApiJson.parse(ctx.bodyAsBytes());
    Editable current = workflow.open(Actor.of(account), id);
    PublicationInput input = ApiJson.publication(body, current.publication().toInput(content.taxonomy()));
    Action action = Action.ofKey(ApiJson.text(body, "action", "save"));
    return saved(workflow.save(Actor.of(account), id, ApiJson.number(body, "edit_version"), input, action,
        ApiJson.instant(body, "schedule_at", null)));
  }

  /** An action without changing the fields: submit, publish, schedule, unpublish, archive. */
  private Object act(Context ctx, Account account) {
    long id = id(ctx);
    JsonNode body = ApiJson.parse(ctx.bodyAsBytes());
    Editable current = workflow.open(Actor.of(account), id);
    Action action = Action.ofKey(ctx.pathParam("action"));
    PublicationInput input = current.publication().toInput(content.taxonomy());
    return saved(workflow.save(Actor.of(account), id, ApiJson.number(body, "edit_version"), input, action,
        ApiJson.instant(body, "schedule_at", null)));
  }

  private Object diff(Context ctx, Account account) {
    RevisionDiff.Diff diff = workflow.diff(Actor.of(account), id(ctx), Forms.id(ctx.queryParam("from")),
        Forms.id(ctx.queryParam("to")));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", diff.from().id());
    out.put("to", diff.to().id());
    out.put("added", diff.added());
    out.put("removed", diff.removed());
    out.put("lines", diff.lines().stream().map(l -> Map.of("change", l.change().name().toLowerCase(java.util.Locale.ROOT),
        "old", l.oldNumber(), "new", l.newNumber(), "text", l.text())).toList());
    return out;
  }

  private Object taxa(TaxonKind kind) {
    Taxonomy taxonomy = content.taxonomy();
    return switch (kind) {
      case EXPERT -> taxonomy.experts().stream().map(e -> Map.of("slug", e.slug(), "name", e.name(), "role", e.role(),
          "affiliation", e.affiliation(), "expertise", e.expertise(), "languages", e.languages(),
          "media_contact", e.mediaContact())).toList();
      case TOPIC -> taxonomy.topics().stream().map(t -> Map.of("slug", t.slug(), "name", t.name(),
          "description", t.description())).toList();
      case REGION -> taxonomy.regions().stream().map(r -> {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("slug", r.slug());
        out.put("name", r.name());
        out.put("parent", taxonomy.region(r.parentId()).map(x -> x.slug()).orElse(null));
        return out;
      }).toList();
    };
  }

  private Object putTaxon(Context ctx, TaxonKind kind) {
    String slug = ctx.pathParam("slug");
    JsonNode body = ApiJson.parse(ctx.bodyAsBytes());
    Taxonomy taxonomy = content.taxonomy();
    String name = ApiJson.text(body, "name", null);
    switch (kind) {
      case EXPERT -> {
        var old = taxonomy.expert(slug);
        content.saveExpert(new ExpertInput(slug, name != null ? name : old.map(e -> e.name()).orElse(null),
            old.map(e -> e.names()).orElse(Map.of()),
            ApiJson.text(body, "role", old.map(e -> e.role()).orElse("")),
            ApiJson.text(body, "affiliation", old.map(e -> e.affiliation()).orElse("")),
            ApiJson.text(body, "bio", old.map(e -> e.bioMarkdown()).orElse("")),
            ApiJson.text(body, "photo_url", old.map(e -> e.photoUrl()).orElse(null)),
            old.map(e -> e.links()).orElse(Map.of()),
            ApiJson.list(body, "expertise", old.map(e -> e.expertise()).orElse(List.of()), "phrases"),
            ApiJson.list(body, "languages", old.map(e -> e.languages()).orElse(List.of()), "language tags"),
            ApiJson.text(body, "media_contact", old.map(e -> e.mediaContact()).orElse(""))));
      }
      case TOPIC -> {
        var old = taxonomy.topic(slug);
        content.saveTopic(new TopicInput(slug, name != null ? name : old.map(t -> t.name()).orElse(null),
            old.map(t -> t.names()).orElse(Map.of()),
            ApiJson.text(body, "description", old.map(t -> t.description()).orElse(""))));
      }
      case REGION -> {
        var old = taxonomy.region(slug);
        content.saveRegion(new RegionInput(slug, name != null ? name : old.map(r -> r.name()).orElse(null),
            old.map(r -> r.names()).orElse(Map.of()), ApiJson.text(body, "parent",
            old.flatMap(r -> taxonomy.region(r.parentId())).map(r -> r.slug()).orElse(null))));
      }
    }
    return Map.of("ok", true, "slug", slug);
  }

  private Map<String, Object> saved(Saved saved) {
    return ApiJson.publication(saved.publication(), content.taxonomy(), saved.editVersion());
  }

  private Map<String, Object> view(Editable editable) {
    Map<String, Object> out = ApiJson.publication(editable.publication(), content.taxonomy(), editable.editVersion());
    out.put("may_edit", editable.mayEdit());
    out.put("actions", editable.actions().stream().map(Action::key).toList());
    return out;
  }

  private static long id(Context ctx) {
    return Forms.id(ctx.pathParam("id"));
  }

  private void api(RoutesConfig routes, HandlerType method, String path, Role minimum, ApiHandler handler) {
    table.add(new Route(method, path, minimum));
    routes.addHttpHandler(method, path, ctx -> {
      AdminPages.noStore(ctx);
      String authorization = ctx.header("Authorization");
      Optional<Account> account = authorization != null && authorization.startsWith("Bearer ")
          ? accounts.apiAccount(authorization.substring("Bearer ".length()).strip()) : Optional.empty();
      if (account.isEmpty()) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"thinkpress\"");
        send(ctx, 401, error("Send a valid API token in the header Authorization: Bearer TOKEN."));
        return;
      }
      if (!account.get().role().includes(minimum)) {
        send(ctx, 403, error("This needs the " + minimum.key() + " role; the token's account is "
            + account.get().role().key() + "."));
        return;
      }
      try {
        Object result = handler.handle(ctx, account.get());
        send(ctx, ctx.statusCode(), result);
      } catch (EditConflictException e) {
        Map<String, Object> body = error(e.getMessage());
        body.put("kept_revision", e.keptRevisionId());
        body.put("current_version", e.currentVersion());
        send(ctx, 409, body);
      } catch (ThinkPressException e) {
        // The web package maps kinds to statuses for HTML pages; the API answers in JSON with the same mapping.
        int status = switch (e.kind()) {
          case NOT_FOUND -> 404;
          case BAD_INPUT -> 400;
          case CONFLICT -> 409;
          case FORBIDDEN -> 403;
          case INTERNAL -> 500;
        };
        if (status == 500) {
          throw e;
        }
        send(ctx, status, error(e.getMessage()));
      }
    });
  }

  private static Map<String, Object> error(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    return body;
  }

  private static void send(Context ctx, int status, Object body) throws Exception {
    ctx.status(status);
    ctx.header("Content-Type", "application/json; charset=utf-8");
    ctx.result(ApiJson.MAPPER.writeValueAsBytes(body));
  }

}
