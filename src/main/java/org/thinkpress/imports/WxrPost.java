package org.thinkpress.imports;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A WordPress post or page as ThinkPress's source model says it: WordPress's statuses, plugins' SEO
 * fields and language tags, and the old addresses that reached it.
 */
final class WxrPost {

  private WxrPost() {}

  static SourceItem of(WxrItem item) {
    SourceStatus status = status(item.wordpressStatus(), item.hasPassword());
    boolean draft = status == SourceStatus.DRAFT;
    return new SourceItem(
        item.id(), item.line(), item.page(), item.title(), item.slug(), status,
        item.publishedAt(draft), item.modifiedAt(draft), item.excerpt(), item.html(),
        item.creators(), slugs(item, SourceTerm.CATEGORY), slugs(item, SourceTerm.TAG),
        "", item.meta("_thumbnail_id"),
        first(item, "_yoast_wpseo_title", "rank_math_title", "_aioseo_title"),
        first(item, "_yoast_wpseo_metadesc", "rank_math_description", "_aioseo_description"),
        item.sticky(), language(item), translationKey(item), item.link(),
        List.of(item.page() ? "/?page_id=" + item.id() : "/?p=" + item.id()));
  }

  /**
   * WordPress's status as a {@link SourceStatus}. A password protects a piece that is, or is due to
   * be, on the site; a draft's or a private piece's password changes nothing a reader sees. Statuses
   * that editorial plugins add (Edit Flow's {@code pitch}, {@code assigned}...) are stages before
   * publication, so drafts.
   */
  static SourceStatus status(String wordpress, boolean password) {
    return switch (wordpress) {
      case "publish" -> password ? SourceStatus.PROTECTED : SourceStatus.PUBLISHED;
      case "future" -> password ? SourceStatus.PROTECTED : SourceStatus.SCHEDULED;
      case "private" -> SourceStatus.PRIVATE;
      default -> SourceStatus.DRAFT;
    };
  }

  private static List<String> slugs(WxrItem item, String taxonomy) {
    return item.terms().stream().filter(t -> t.taxonomy().equals(taxonomy)).map(WxrItem.Term::slug).toList();
  }

  /** The first of the SEO plugins' fields that says something: Yoast, then Rank Math, then All in One SEO. */
  private static String first(WxrItem item, String... keys) {
    return Stream.of(keys).map(item::meta).filter(v -> !v.isEmpty()).findFirst().orElse("");
  }

  private static Optional<String> term(WxrItem item, String taxonomy) {
    return item.terms().stream().filter(t -> t.taxonomy().equals(taxonomy)).map(WxrItem.Term::slug).findFirst();
  }

  private static String language(WxrItem item) {
    return WxrText.languageTag(term(item, "language").orElse(item.meta("_wpml_import_language_code")));
  }

  private static String translationKey(WxrItem item) {
    return term(item, "post_translations").orElse(item.meta("_wpml_import_translation_group"));
  }
}
