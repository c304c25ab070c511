package org.thinkpress.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thinkpress.content.FeaturedImage;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.Status;

/**
 * A publication's editable fields as the JSON a revision keeps, and back. Field names follow the
 * content folder's front matter, so a revision reads like the file it would export to.
 */
final class Documents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Documents() {}

  static String toJson(PublicationInput input) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("slug", input.slug());
    document.put("language", input.language());
    document.put("translation_group", input.translationGroup());
    document.put("title", input.title());
    document.put("standfirst", input.standfirst());
    document.put("type", input.type());
    document.put("status", input.status().key());
    document.put("published", input.publishedAt() == null ? null : input.publishedAt().toString());
    document.put("updated", input.updatedAt() == null ? null : input.updatedAt().toString());
    document.put("featured", input.featured());
    document.put("experts", input.experts());
    document.put("topics", input.topics());
    document.put("regions", input.regions());
    document.put("keywords", input.keywords());
    document.put("seo_title", input.seoTitle());
    document.put("seo_description", input.seoDescription());
    if (input.image() != null) {
      document.put("image", input.image().url());
      document.put("image_alt", input.image().alt());
      document.put("image_caption", input.image().caption());
      document.put("image_credit", input.image().credit());
    }
    document.put("body", input.bodyMarkdown());
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A map of strings always serialises", e);
    }
  }

  static PublicationInput fromJson(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return new PublicationInput(text(node, "slug"), text(node, "language"), text(node, "translation_group"),
          text(node, "title"), text(node, "standfirst"), text(node, "body"), text(node, "type"),
          Status.ofKey(text(node, "status")), instant(node, "published"), instant(node, "updated"),
          node.path("featured").asBoolean(false), list(node, "experts"), list(node, "topics"), list(node, "regions"),
          list(node, "keywords"), text(node, "seo_title"), text(node, "seo_description"),
          FeaturedImage.of(text(node, "image"), text(node, "image_alt"), text(node, "image_caption"),
              text(node, "image_credit")));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored revision is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The document as lines of text for a diff: one line per field, a blank line, then the body, so
   * that a changed title and a changed paragraph both show as changed lines.
   */
  static List<String> toLines(PublicationInput input) {
    List<String> lines = new ArrayList<>();
    lines.add("Title: " + input.title());
    lines.add("Slug: " + input.slug());
    lines.add("Language: " + input.language());
    lines.add("Type: " + input.type());
    lines.add("Standfirst: " + input.standfirst().replace('\n', ' '));
    lines.add("Experts: " + String.join(", ", input.experts()));
    lines.add("Topics: " + String.join(", ", input.topics()));
    lines.add("Regions: " + String.join(", ", input.regions()));
    lines.add("Translation group: " + (input.translationGroup() == null ? "" : input.translationGroup()));
    lines.add("Featured: " + (input.featured() ? "yes" : "no"));
    lines.add("Keywords: " + String.join(", ", input.keywords()));
    lines.add("Search title: " + input.seoTitle());
    lines.add("Search description: " + input.seoDescription());
    if (input.image() != null) {
      lines.add("Image: " + input.image().url());
      lines.add("Image text: " + input.image().alt());
      lines.add("Image caption: " + input.image().caption());
      lines.add("Image credit: " + input.image().credit());
    }
    lines.add("Published: " + (input.publishedAt() == null ? "" : input.publishedAt()));
    lines.add("Updated: " + (input.updatedAt() == null ? "" : input.updatedAt()));
    lines.add("");
    lines.addAll(List.of(input.bodyMarkdown().split("\n", -1)));
    return lines;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Instant instant(JsonNode node, String field) {
    String value = text(node, field);
    return value == null ? null : Instant.parse(value);
  }

  private static List<String> list(JsonNode node, String field) {
    List<String> values = new ArrayList<>();
    node.path(field).forEach(item -> values.add(item.asText()));
    return values;
  }
}
