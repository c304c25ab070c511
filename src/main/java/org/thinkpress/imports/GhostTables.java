package org.thinkpress.imports;

import static org.thinkpress.imports.GhostExport.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a Ghost export says around its posts: the site's settings, the staff, the tags, and which authors,
 * tags and search-engine texts belong to which post. Filled from one pass over these small tables before
 * the posts are read, since Ghost writes the join tables after {@code posts} and the settings last.
 */
final class GhostTables implements GhostExport.Rows {

  static final Set<String> TABLES = Set.of("settings", "users", "tags", "posts_tags", "posts_authors", "posts_meta");

  /** A post's search-engine title and description ({@code posts_meta}). */
  record Meta(String title, String description) {
    static final Meta NONE = new Meta("", "");
  }

  /** One row of a join table: what the post is joined to, and its place in the post's list. */
  private record Link(String targetId, int sortOrder) {}

  private final Map<String, String> settings = new HashMap<>();
  private final List<ObjectNode> users = new ArrayList<>();
  private final List<SourceTerm> tags = new ArrayList<>();
  private final Map<String, String> tagSlugs = new HashMap<>();
  private final Map<String, List<Link>> postTags = new HashMap<>();
  private final Map<String, List<Link>> postAuthors = new HashMap<>();
  private final Map<String, Meta> meta = new HashMap<>();

  @Override
  public void row(String table, ObjectNode row, int line) {
    switch (table) {
      case "settings" -> settings.put(text(row, "key"), text(row, "value"));
      case "users" -> users.add(row);
      case "tags" -> tag(row);
      case "posts_tags" -> link(postTags, row, "tag_id");
      case "posts_authors" -> link(postAuthors, row, "author_id");
      case "posts_meta" ->
          meta.put(text(row, "post_id"), new Meta(text(row, "meta_title"), text(row, "meta_description")));
      default -> throw new IllegalArgumentException(table);
    }
  }

  /**
   * The site as the settings describe it. Ghost keeps its address in its configuration, not in the
   * settings, so the address is usually {@code ""}; an export that carries a {@code url} setting gives it.
   */
  SourceSite site() {
    String url = settings.getOrDefault("url", "");
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    String locale = settings.getOrDefault("locale", "");
    return new SourceSite("ghost", url, settings.getOrDefault("title", ""),
        language(locale.isEmpty() ? settings.getOrDefault("lang", "") : locale));
  }

  /** The staff, in the file's order. */
  List<SourceAuthor> authors(GhostUrls urls) {
    List<SourceAuthor> authors = new ArrayList<>();
    for (ObjectNode user : users) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String field : GhostUrls.PROFILE_FIELDS) {
        fields.put(field, text(user, field));
      }
      authors.add(new SourceAuthor(text(user, "id"), text(user, "slug"), text(user, "email"), text(user, "name"),
          text(user, "slug"), text(user, "bio"), urls.resolve(text(user, "profile_image")), urls.profiles(fields)));
    }
    return authors;
  }

  /** The tags, in the file's order; internal ones ({@code #name}) are marked, not dropped. */
  List<SourceTerm> terms() {
    return List.copyOf(tags);
  }

  /** The slugs of a post's tags in Ghost's order; a join row naming a tag the file lacks is passed over. */
  List<String> tagSlugs(String postId) {
    return ordered(postTags, postId).stream().map(tagSlugs::get).filter(slug -> slug != null).toList();
  }

  /** The ids of a post's authors in byline order, or empty when the file has no {@code posts_authors} row for it. */
  List<String> authorIds(String postId) {
    return ordered(postAuthors, postId);
  }

  Optional<Meta> meta(String postId) {
    return Optional.ofNullable(meta.get(postId));
  }

  /** Ghost's locales are BCP 47 tags, though older sites wrote {@code en_US}. */
  static String language(String locale) {
    return locale.trim().replace('_', '-');
  }

  private void tag(ObjectNode row) {
    String name = text(row, "name");
    boolean internal = text(row, "visibility").equals("internal") || name.startsWith("#");
    SourceTerm term = new SourceTerm(SourceTerm.TAG, text(row, "slug"), name, "", text(row, "description"), internal);
    tags.add(term);
    tagSlugs.put(text(row, "id"), term.slug());
  }

  private static void link(Map<String, List<Link>> links, ObjectNode row, String target) {
    JsonNode order = row.get("sort_order");
    links.computeIfAbsent(text(row, "post_id"), post -> new ArrayList<>())
        .add(new Link(text(row, target), order == null ? 0 : order.asInt()));
  }

  /** A stable sort: rows with the same sort_order keep the file's order. */
  private static List<String> ordered(Map<String, List<Link>> links, String postId) {
    return links.getOrDefault(postId, List.of()).stream()
        .sorted(Comparator.comparingInt(Link::sortOrder)).map(Link::targetId).toList();
  }
}
