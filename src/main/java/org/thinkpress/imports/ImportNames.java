package org.thinkpress.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.thinkpress.content.RegionInput;
import org.thinkpress.content.Slugs;
import org.thinkpress.content.TopicInput;
import org.thinkpress.imports.ImportMap.TermRule;

/**
 * What the source's terms and authors become: topics, regions, publication types, keywords and
 * experts, by the map where it says and by each platform's defaults where it does not (WordPress
 * categories are topics and tags keywords; Ghost's public tags are topics and its internal ones are
 * dropped). Decided once, from the index, before anything is written.
 */
final class ImportNames {

  /** A topic or region to write, with the source terms it came from (for the ledger). */
  record Taxon<T>(T input, List<String> sourceKeys) {}

  private final ImportIndex index;
  private final ImportMap map;
  private final String platform;
  private final Map<String, TermRule> rules = new LinkedHashMap<>();
  /** Source term key → the slug of what it became (topic, region), or the type key. */
  private final Map<String, String> targets = new LinkedHashMap<>();
  final Map<String, Taxon<TopicInput>> topics = new LinkedHashMap<>();
  final Map<String, Taxon<RegionInput>> regions = new LinkedHashMap<>();
  /** Author id → expert slug. */
  final Map<String, String> expertOfAuthor = new LinkedHashMap<>();
  /** Expert slug → the first author mapped to it, whose profile the expert takes. */
  final Map<String, SourceAuthor> expertProfiles = new LinkedHashMap<>();
  /** Categories with a parent that became top-level topics, for one line of the report. */
  private final List<String> flattened = new ArrayList<>();

  ImportNames(ImportIndex index, ImportMap map, ImportReport report, String platform) {
    this.index = index;
    this.map = map;
    this.platform = platform;
    for (SourceTerm term : index.terms.values()) {
      decide(term, report);
    }
    reportFlattened(report);
    for (SourceAuthor author : index.authors.values()) {
      String slug = map.expertFor(author).orElseGet(() -> slugOf(author));
      expertOfAuthor.put(author.id(), slug);
      if (expertProfiles.putIfAbsent(slug, author) != null) {
        report.loss("author " + author.id(), "merged into expert '" + slug + "' with author "
            + expertProfiles.get(slug).id());
      }
      report.mapped("author " + (author.login().isEmpty() ? author.id() : author.login()), "expert " + slug);
    }
  }

  /** The rule for a term; {@code null} for taxonomies that are not about content (languages, translations, formats). */
  TermRule rule(String taxonomy, String slug) {
    return rules.get(taxonomy + "/" + slug);
  }

  /** What the term became: a topic or region slug, or a type key. */
  String target(String taxonomy, String slug) {
    return targets.get(taxonomy + "/" + slug);
  }

  SourceTerm term(String taxonomy, String slug) {
    return index.term(taxonomy, slug);
  }

  private void decide(SourceTerm term, ImportReport report) {
    String key = term.taxonomy() + "/" + term.slug();
    TermRule rule = map.term(term.taxonomy(), term.slug()).orElseGet(() -> defaultRule(term));
    if (rule == null) {
      return;
    }
    rules.put(key, rule);
    report.mapped(key, rule.kind() == TermRule.Kind.TOPIC || rule.kind() == TermRule.Kind.REGION
        ? rule.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + slugFor(term, rule) : rule.describe());
    switch (rule.kind()) {
      case TOPIC -> {
        String slug = slugFor(term, rule);
        targets.put(key, slug);
        topics.computeIfAbsent(slug, s -> new Taxon<>(new TopicInput(s, term.name().isBlank() ? s : term.name(), Map.of(),
            shorten(term.description(), 1000)), new ArrayList<>())).sourceKeys().add(key);
        if (!term.parentSlug().isEmpty() && rule.target() == null) {
          flattened.add(term.slug() + " (under " + term.parentSlug() + ")");
        }
      }
      case REGION -> {
        String slug = slugFor(term, rule);
        targets.put(key, slug);
        String parent = rule.parent();
        if (parent == null && !term.parentSlug().isEmpty()) {
          SourceTerm parentTerm = index.term(term.taxonomy(), term.parentSlug());
          TermRule parentRule = parentTerm == null ? null : rules.get(term.taxonomy() + "/" + term.parentSlug());
          if (parentRule == null && parentTerm != null) {
            decide(parentTerm, report);
            parentRule = rules.get(term.taxonomy() + "/" + term.parentSlug());
          }
          if (parentRule != null && parentRule.kind() == TermRule.Kind.REGION) {
            parent = slugFor(parentTerm, parentRule);
          }
        }
        String regionParent = parent;
        regions.computeIfAbsent(slug, s -> new Taxon<>(new RegionInput(s, term.name().isBlank() ? s : term.name(), Map.of(),
            regionParent), new ArrayList<>())).sourceKeys().add(key);
      }
      case TYPE -> targets.put(key, rule.target());
      default -> { }
    }
  }

  /** One line for every category that lost its parent, rather than a line each. */
  private void reportFlattened(ImportReport report) {
    if (flattened.isEmpty()) {
      return;
    }
    List<String> shown = flattened.size() > 12 ? flattened.subList(0, 12) : flattened;
    report.loss("", flattened.size() + (flattened.size() == 1 ? " category" : " categories") + " under another"
        + " became top-level topics, as topics have no hierarchy: " + String.join(", ", shown)
        + (flattened.size() > shown.size() ? " and " + (flattened.size() - shown.size()) + " more" : "")
        + "; --map can put each into its parent topic or make it a region");
  }

  private TermRule defaultRule(SourceTerm term) {
    boolean category = term.taxonomy().equals(SourceTerm.CATEGORY);
    boolean tag = term.taxonomy().equals(SourceTerm.TAG);
    if (platform.equals("ghost")) {
      return !tag ? null : term.internal() ? TermRule.DROP : TermRule.OWN_TOPIC;
    }
    if (category) {
      return term.slug().equals("uncategorized") ? TermRule.DROP : TermRule.OWN_TOPIC;
    }
    return tag ? TermRule.KEYWORD : null;
  }

  /** Regions with each parent before its children (parents outside the import are the store's to check). */
  List<Taxon<RegionInput>> regionsParentsFirst() {
    List<Taxon<RegionInput>> ordered = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    int before = -1;
    while (ordered.size() != before) {
      before = ordered.size();
      for (Taxon<RegionInput> region : regions.values()) {
        String parent = region.input().parentSlug();
        if (!placed.contains(region.input().slug()) && (parent == null || placed.contains(parent) || !regions.containsKey(parent))) {
          ordered.add(region);
          placed.add(region.input().slug());
        }
      }
    }
    regions.values().stream().filter(r -> !placed.contains(r.input().slug())).forEach(ordered::add); // a cycle: the store says so
    return ordered;
  }

  Optional<String> expertFor(String authorId) {
    return Optional.ofNullable(expertOfAuthor.get(authorId));
  }

  private static String slugFor(SourceTerm term, TermRule rule) {
    if (rule.target() != null) {
      return rule.target();
    }
    return slugOf(term.slug(), term.name(), term.taxonomy());
  }

  private static String slugOf(SourceAuthor author) {
    return slugOf(author.name(), author.login().isEmpty() ? author.slug() : author.login(), "author");
  }

  /** A valid slug from the first of two texts that gives one, else from the kind and a hash. */
  static String slugOf(String first, String second, String kind) {
    for (String text : new String[] {first, second}) {
      String slug = text == null ? "" : Slugs.fromTitle(text);
      if (!slug.isEmpty()) {
        return slug;
      }
    }
    return kind.replaceAll("[^a-z0-9]+", "-") + "-" + ImportLedger.fingerprint(first + "\n" + second).substring(0, 8);
  }

  static String shorten(String text, int max) {
    String stripped = text == null ? "" : text.strip();
    return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
  }
}
