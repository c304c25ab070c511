package org.thinkpress.publishing;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.thinkpress.ThinkPressException;
import org.thinkpress.accounts.Accounts.Signed;
import org.thinkpress.admin.AdminPages;
import org.thinkpress.admin.AdminViews.Choice;
import org.thinkpress.admin.Forms;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.ContentStore;
import org.thinkpress.media.Images;
import org.thinkpress.content.Expert;
import org.thinkpress.content.ExpertInput;
import org.thinkpress.content.InvalidContentException;
import org.thinkpress.content.Region;
import org.thinkpress.content.RegionInput;
import org.thinkpress.content.Slugs;
import org.thinkpress.content.TaxonKind;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.Topic;
import org.thinkpress.content.TopicInput;
import org.thinkpress.publishing.PublishingViews.TaxonPage;
import org.thinkpress.publishing.PublishingViews.TaxonRow;
import org.thinkpress.publishing.PublishingViews.TaxonomyPage;

/** Experts, topics and regions: list, add, edit, rename (with redirect), merge, delete. Editors only. */
final class TaxonomyHandlers {

  private final ContentStore content;
  private final TaxonomyEditor editor;
  private final AdminPages pages;

  /** How many of the newest image uploads an expert's portrait field suggests. */
  private static final int PHOTO_CHOICES = 200;

  private final Images images;

  TaxonomyHandlers(ContentStore content, TaxonomyEditor editor, AdminPages pages, Images images) {
    this.images = java.util.Objects.requireNonNull(images, "images");
    this.content = requireNonNull(content, "content");
    this.editor = requireNonNull(editor, "editor");
    this.pages = requireNonNull(pages, "pages");
  }

  /** One expert, topic or region, whatever its kind. */
  private record Taxon(String slug, String name, String detail) {}

  private static List<Taxon> all(Taxonomy taxonomy, TaxonKind kind) {
    return switch (kind) {
      case EXPERT -> taxonomy.experts().stream().map(e -> new Taxon(e.slug(), e.name(), e.role())).toList();
      case TOPIC -> taxonomy.topics().stream().map(t -> new Taxon(t.slug(), t.name(), t.description())).toList();
      case REGION -> taxonomy.regions().stream().map(r -> new Taxon(r.slug(), r.name(),
          taxonomy.region(r.parentId()).map(p -> "part of " + p.name()).orElse(""))).toList();
    };
  }

  private static String heading(TaxonKind kind) {
    return switch (kind) {
      case EXPERT -> "Experts";
      case TOPIC -> "Topics";
      case REGION -> "Regions";
    };
  }

  void list(Context ctx, Signed signed, TaxonKind kind) {
    showList(ctx, signed, kind, 200, null);
  }

  private void showList(Context ctx, Signed signed, TaxonKind kind, int status, String error) {
    Taxonomy taxonomy = content.taxonomy();
    List<TaxonRow> rows = all(taxonomy, kind).stream()
        .map(t -> new TaxonRow("/admin/" + kind.plural() + "/" + t.slug(), t.slug(), t.name(), t.detail(),
            content.taxonUsage(kind, t.slug())))
        .toList();
    List<Choice> parents = kind == TaxonKind.REGION
        ? taxonomy.regions().stream().map(r -> new Choice(r.slug(), r.name(), false)).toList() : List.of();
    pages.render(ctx, status, "publishing/admin/taxonomy", pages.chrome(ctx, signed, heading(kind), kind.plural(), error),
        new TaxonomyPage(kind.key(), kind.plural(), heading(kind), rows, "/admin/" + kind.plural(), parents));
  }

  void create(Context ctx, Signed signed, TaxonKind kind) {
    String name = Forms.text(ctx, "name");
    String slug = Forms.text(ctx, "slug").strip();
    try {
      if (slug.isEmpty()) {
        slug = Slugs.fromTitle(name);
      }
      Slugs.require(kind.key() + " slug", slug);
      String target = slug;
      if (all(content.taxonomy(), kind).stream().anyMatch(t -> t.slug().equals(target))) {
        throw new InvalidContentException(kind.key() + " slug '" + slug + "' is already taken");
      }
      switch (kind) {
        case EXPERT -> content.saveExpert(new ExpertInput(slug, name, Map.of(), "", "", "", null));
        case TOPIC -> content.saveTopic(new TopicInput(slug, name, Map.of(), ""));
        case REGION -> content.saveRegion(new RegionInput(slug, name, Map.of(), emptyToNull(Forms.text(ctx, "parent"))));
      }
      AdminPages.seeOther(ctx, "/admin/" + kind.plural() + "/" + slug + "?done=created");
    } catch (InvalidContentException e) {
      showList(ctx, signed, kind, 400, "Not added: " + e.getMessage() + ".");
    }
  }

  void edit(Context ctx, Signed signed, TaxonKind kind) {
    showEdit(ctx, signed, kind, ctx.pathParam("slug"), 200, null);
  }

  private void showEdit(Context ctx, Signed signed, TaxonKind kind, String slug, int status, String error) {
    Taxonomy taxonomy = content.taxonomy();
    Taxon taxon = all(taxonomy, kind).stream().filter(t -> t.slug().equals(slug)).findFirst()
        .orElseThrow(() -> new ContentNotFoundException(kind.key(), slug));
    String base = "/admin/" + kind.plural() + "/" + slug;
    List<Choice> others = all(taxonomy, kind).stream().filter(t -> !t.slug().equals(slug))
        .map(t -> new Choice(t.slug(), t.name(), false)).toList();
    String description = "";
    String role = "";
    String affiliation = "";
    String bio = "";
    String photo = "";
    String expertise = "";
    String languages = "";
    String mediaContact = "";
    List<Choice> parents = List.of();
    if (kind == TaxonKind.TOPIC) {
      description = taxonomy.topic(slug).map(Topic::description).orElse("");
    } else if (kind == TaxonKind.EXPERT) {
      Expert expert = taxonomy.expert(slug).orElseThrow();
      role = expert.role();
      affiliation = expert.affiliation();
      bio = expert.bioMarkdown();
      photo = expert.photoUrl() == null ? "" : expert.photoUrl();
      expertise = String.join("\n", expert.expertise());
      languages = String.join(" ", expert.languages());
      mediaContact = expert.mediaContact();
    } else {
      Region region = taxonomy.region(slug).orElseThrow();
      parents = taxonomy.regions().stream().filter(r -> !taxonomy.selfAndDescendants(region).contains(r.id()))
          .map(r -> new Choice(r.slug(), r.name(), r.id() == region.parentId())).toList();
    }
    pages.render(ctx, status, "publishing/admin/taxon", pages.chrome(ctx, signed, taxon.name(), kind.plural(), error),
        new TaxonPage(kind.key(), heading(kind).substring(0, heading(kind).length() - 1) + ": " + taxon.name(), slug,
            taxon.name(), description, role, affiliation, bio, photo, parents, content.taxonUsage(kind, slug), base,
            base + "/rename", base + "/merge", base + "/delete", others, "/admin/" + kind.plural(), expertise, languages,
            mediaContact, kind != TaxonKind.EXPERT ? List.of() : images.library(PHOTO_CHOICES).stream()
                .map(u -> new Choice(u.url(), u.originalName(), false)).toList()));
  }

  void save(Context ctx, Signed signed, TaxonKind kind) {
    String slug = ctx.pathParam("slug");
    Taxonomy taxonomy = content.taxonomy();
    try {
      String name = Forms.text(ctx, "name");
      switch (kind) {
        case EXPERT -> {
          Expert expert = taxonomy.expert(slug).orElseThrow(() -> new ContentNotFoundException("expert", slug));
          // the form does not edit names in other languages or profile links: they are kept
          content.saveExpert(new ExpertInput(slug, name, expert.names(), Forms.text(ctx, "role"),
              Forms.text(ctx, "affiliation"), Forms.text(ctx, "bio"), emptyToNull(Forms.text(ctx, "photo_url")),
              expert.links(), lines(Forms.text(ctx, "expertise")), words(Forms.text(ctx, "languages")),
              Forms.text(ctx, "media_contact").strip()));
        }
        case TOPIC -> {
          Topic topic = taxonomy.topic(slug).orElseThrow(() -> new ContentNotFoundException("topic", slug));
          content.saveTopic(new TopicInput(slug, name, topic.names(), Forms.text(ctx, "description")));
        }
        case REGION -> {
          Region region = taxonomy.region(slug).orElseThrow(() -> new ContentNotFoundException("region", slug));
          content.saveRegion(new RegionInput(slug, name, region.names(), emptyToNull(Forms.text(ctx, "parent"))));
        }
      }
      AdminPages.seeOther(ctx, "/admin/" + kind.plural() + "/" + slug + "?done=save");
    } catch (InvalidContentException e) {
      showEdit(ctx, signed, kind, slug, 400, "Not saved: " + e.getMessage() + ".");
    }
  }

  /** The non-blank lines of a text area, stripped. */
  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  /** Words separated by spaces or commas. */
  private static List<String> words(String text) {
    return java.util.Arrays.stream(text.split("[\\s,]+")).filter(word -> !word.isEmpty()).toList();
  }

  void rename(Context ctx, Signed signed, TaxonKind kind) {
    String slug = ctx.pathParam("slug");
    String to = Forms.text(ctx, "new_slug").strip();
    attempt(ctx, signed, kind, slug, () -> editor.rename(kind, slug, to), "/admin/" + kind.plural() + "/" + to + "?done=renamed");
  }

  void merge(Context ctx, Signed signed, TaxonKind kind) {
    String slug = ctx.pathParam("slug");
    String into = Forms.text(ctx, "into");
    attempt(ctx, signed, kind, slug, () -> editor.merge(kind, slug, into), "/admin/" + kind.plural() + "/" + into + "?done=merged");
  }

  void delete(Context ctx, Signed signed, TaxonKind kind) {
    String slug = ctx.pathParam("slug");
    attempt(ctx, signed, kind, slug, () -> editor.delete(kind, slug), "/admin/" + kind.plural() + "?done=deleted");
  }

  private void attempt(Context ctx, Signed signed, TaxonKind kind, String slug, Runnable change, String then) {
    try {
      change.run();
      AdminPages.seeOther(ctx, then);
    } catch (ThinkPressException e) {
      if (e.kind() != ThinkPressException.Kind.BAD_INPUT) {
        throw e;
      }
      showEdit(ctx, signed, kind, slug, 400, e.getMessage() + ".");
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
