package org.thinkpress.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thinkpress.content.InvalidContentException;
import org.thinkpress.content.Publication;
import org.thinkpress.content.FeaturedImage;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.Status;
import org.thinkpress.content.Taxonomy;

/** The admin API's JSON: field names as in the content folder's front matter, times in ISO 8601 UTC. */
final class ApiJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private ApiJson() {}

  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return MAPPER.createObjectNode();
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw new InvalidContentException("the request body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new InvalidContentException("the request body is not valid JSON: " + e.getMessage().split("\n")[0]);
    }
  }

  /** The fields a publication's body may carry: what a save writes, then what it takes besides. */
  static final List<String> PUBLICATION_FIELDS = List.of("slug", "title", "standfirst", "body", "language", "type",
      "translation_group", "experts", "topics", "regions", "keywords", "seo_title", "seo_description", "image", "image_alt", "image_caption", "image_credit", "featured", "published", "updated", "action", "schedule_at",
      "edit_version");

  /** What a publication's answer holds besides its fields; sent back in a save, they are ignored. */
  static final List<String> READ_ONLY_FIELDS = List.of("id", "status", "body_html", "may_edit", "actions");

  /**
   * A publication input from JSON. A field left out keeps {@code base}'s value (null base: a new
   * piece), a field sent as {@code null} is emptied, and a field the API does not know is refused
   * by name, so that a misspelt one is never taken for a kept one.
   */
  static PublicationInput publication(JsonNode node, PublicationInput base) {
    node.fieldNames().forEachRemaining(field -> {
      if (!PUBLICATION_FIELDS.contains(field) && !READ_ONLY_FIELDS.contains(field)) {
        throw new InvalidContentException("unknown field '" + shorten(field) + "'; the fields are "
            + String.join(", ", PUBLICATION_FIELDS) + " (and, ignored, the read-only " + String.join(", ", READ_ONLY_FIELDS)
            + ")");
      }
    });
    String title = text(node, "title", base == null ? null : base.title());
    String slug = text(node, "slug", base == null ? null : base.slug());
    if ((slug == null || slug.isBlank()) && title != null) {
      slug = org.thinkpress.content.Slugs.fromTitle(title);
    }
    return new PublicationInput(slug, text(node, "language", base == null ? null : base.language()),
        text(node, "translation_group", base == null ? null : base.translationGroup()), title,
        text(node, "standfirst", base == null ? null : base.standfirst()),
        text(node, "body", base == null ? null : base.bodyMarkdown()),
        text(node, "type", base == null ? null : base.type()), Status.DRAFT,
        instant(node, "published", base == null ? null : base.publishedAt()),
        instant(node, "updated", base == null ? null : base.updatedAt()),
        bool(node, "featured", base != null && base.featured()),
        list(node, "experts", base == null ? List.of() : base.experts()),
        list(node, "topics", base == null ? List.of() : base.topics()),
        list(node, "regions", base == null ? List.of() : base.regions()),
        list(node, "keywords", base == null ? List.of() : base.keywords()),
        text(node, "seo_title", base == null ? null : base.seoTitle()),
        text(node, "seo_description", base == null ? null : base.seoDescription()), image(node, base));
  }

  /** The featured image the document names ({@code image}, {@code image_alt}...), else the stored one. */
  private static FeaturedImage image(JsonNode node, PublicationInput base) {
    FeaturedImage stored = base == null ? null : base.image();
    if (!node.has("image")) {
      return stored;
    }
    return FeaturedImage.of(text(node, "image", null), text(node, "image_alt", stored == null ? null : stored.alt()),
        text(node, "image_caption", stored == null ? null : stored.caption()),
        text(node, "image_credit", stored == null ? null : stored.credit()));
  }

  static Map<String, Object> publication(Publication p, Taxonomy taxonomy, long editVersion) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", p.id());
    out.put("edit_version", editVersion);
    out.put("slug", p.slug());
    out.put("status", p.status().key());
    out.put("language", p.language());
    out.put("translation_group", p.translationGroup());
    out.put("title", p.title());
    out.put("standfirst", p.standfirst());
    out.put("type", p.type());
    out.put("published", string(p.publishedAt()));
    out.put("updated", string(p.updatedAt()));
    out.put("featured", p.featured());
    out.put("image", p.image() == null ? null : p.image().url());
    out.put("image_alt", p.image() == null ? null : p.image().alt());
    out.put("image_caption", p.image() == null ? null : p.image().caption());
    out.put("image_credit", p.image() == null ? null : p.image().credit());
    PublicationInput input = p.toInput(taxonomy);
    out.put("experts", input.experts());
    out.put("topics", input.topics());
    out.put("regions", input.regions());
    out.put("keywords", p.keywords());
    out.put("seo_title", p.seoTitle());
    out.put("seo_description", p.seoDescription());
    out.put("body", p.bodyMarkdown());
    out.put("body_html", p.bodyHtml());
    return out;
  }

  static Map<String, Object> row(PublicationRow r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", r.id());
    out.put("slug", r.slug());
    out.put("title", r.title());
    out.put("status", r.status().key());
    out.put("type", r.type());
    out.put("language", r.language());
    out.put("published", string(r.publishedAt()));
    out.put("changed", string(r.changedAt()));
    out.put("owner", r.ownerName());
    return out;
  }

  static Map<String, Object> revision(Revision r, boolean withDocument) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", r.id());
    out.put("edit_version", r.editVersion());
    out.put("kind", r.kind());
    out.put("author", r.authorName());
    out.put("note", r.note());
    out.put("created", string(r.createdAt()));
    if (withDocument) {
      PublicationInput document = r.document();
      out.put("slug", document.slug());
      out.put("status", document.status().key());
      out.put("language", document.language());
      out.put("translation_group", document.translationGroup());
      out.put("title", document.title());
      out.put("standfirst", document.standfirst());
      out.put("type", document.type());
      out.put("published", string(document.publishedAt()));
      out.put("updated", string(document.updatedAt()));
      out.put("featured", document.featured());
      out.put("experts", document.experts());
      out.put("topics", document.topics());
      out.put("regions", document.regions());
      out.put("keywords", document.keywords());
      out.put("seo_title", document.seoTitle());
      out.put("seo_description", document.seoDescription());
      out.put("body", document.bodyMarkdown());
    }
    return out;
  }

  static String text(JsonNode node, String field, String otherwise) {
    JsonNode value = node.get(field);
    if (value == null) {
      return otherwise;
    }
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidContentException(field + " must be a string");
    }
    return value.asText();
  }

  static boolean bool(JsonNode node, String field, boolean otherwise) {
    JsonNode value = node.get(field);
    if (value == null) {
      return otherwise;
    }
    if (!value.isBoolean()) {
      throw new InvalidContentException(field + " must be true or false");
    }
    return value.asBoolean();
  }

  static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong()) {
      throw new InvalidContentException(field + " is missing or not a whole number");
    }
    return value.asLong();
  }

  static Instant instant(JsonNode node, String field, Instant otherwise) {
    String value = text(node, field, otherwise == null ? null : otherwise.toString());
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeException e) {
      throw new InvalidContentException(field + " '" + value + "' is not an ISO 8601 UTC time such as 2026-05-01T09:30:00Z");
    }
  }

  static List<String> list(JsonNode node, String field, List<String> otherwise) {
    return list(node, field, otherwise, "slugs");
  }

  /** An array of strings; {@code what} names them in the error ("an array of slugs"). */
  static List<String> list(JsonNode node, String field, List<String> otherwise, String what) {
    JsonNode value = node.get(field);
    if (value == null) {
      return otherwise;
    }
    if (!value.isArray()) {
      throw new InvalidContentException(field + " must be an array of " + what);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new InvalidContentException(field + " must be an array of " + what);
      }
      values.add(item.asText());
    }
    return values;
  }

  private static String shorten(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }

  private static String string(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
