package org.thinkpress.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.thinkpress.content.FeaturedImage;
import org.thinkpress.content.InvalidContentException;
import org.thinkpress.content.Languages;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.PublicationTypes;
import org.thinkpress.content.Status;
import org.thinkpress.imports.ImportMap.TermRule;

/**
 * Turns one source item into a ThinkPress publication: its body converted and its URLs rewritten,
 * its state, dates, excerpt, search-engine texts, experts, topics, regions, type, keywords and
 * language. Every loss goes to the report; a piece that cannot be one is refused with the reason.
 */
final class ItemConverter {

  /** An item that cannot become a publication; the reason goes to the report. */
  static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  private final ImportNames names;
  private final BodyConverter bodies;
  private final Flavour flavour;
  private final MediaPlan media;
  private final ImportIndex index;
  private final PublicationTypes types;
  private final ImportMap map;
  private final String language;
  private final String siteTitle;
  private final Instant now;

  ItemConverter(ImportNames names, BodyConverter bodies, Flavour flavour, MediaPlan media, ImportIndex index,
      PublicationTypes types, ImportMap map, String siteLanguage, String siteTitle, Instant now) {
    this.names = names;
    this.bodies = bodies;
    this.flavour = flavour;
    this.media = media;
    this.index = index;
    this.types = types;
    this.map = map;
    this.language = siteLanguage;
    this.siteTitle = siteTitle;
    this.now = now;
  }

  /**
   * @param slug the slug decided for it
   * @param group its translation group, or {@code null}
   * @param losses hears what the conversion lost
   */
  PublicationInput convert(SourceItem item, String slug, String group, Consumer<String> losses) {
    String title = ImportNames.shorten(item.title(), PublicationInput.MAX_TITLE);
    if (title.isEmpty()) {
      throw new Refused("it has no title");
    }
    Status status;
    Instant published = item.publishedAt();
    switch (item.status()) {
      case PUBLISHED -> {
        status = Status.PUBLISHED;
        if (published == null) {
          published = item.modifiedAt() != null ? item.modifiedAt() : now;
          losses.accept("it has no publication time; given " + published);
        }
      }
      case SCHEDULED -> {
        if (published != null && published.isAfter(now)) {
          status = Status.SCHEDULED;
        } else {
          status = Status.DRAFT;
          losses.accept("it was scheduled for " + published + ", which has passed: imported as a draft, so that it is"
              + " not announced as new");
        }
      }
      case PRIVATE -> {
        status = Status.DRAFT;
        losses.accept("it was private on the old site: imported as a draft");
      }
      case PROTECTED -> {
        status = Status.DRAFT;
        losses.accept("it was behind a password on the old site: imported as a draft");
      }
      default -> status = Status.DRAFT;
    }
    if (status == Status.DRAFT) {
      published = null; // a draft's time is set when it is published here
    }
    Instant updated = item.modifiedAt() != null && published != null && item.modifiedAt().isAfter(published)
        ? item.modifiedAt() : null;

    List<String> experts = new ArrayList<>();
    for (String author : item.authors()) {
      java.util.Optional<String> expert = names.expertFor(author);
      if (expert.isEmpty()) {
        losses.accept("its author '" + author + "' is not in the export");
      } else if (!experts.contains(expert.get())) {
        experts.add(expert.get());
      }
    }
    if (experts.isEmpty()) {
      map.defaultExpert().ifPresent(experts::add);
    }
    Set<String> topics = new LinkedHashSet<>();
    Set<String> regions = new LinkedHashSet<>();
    Set<String> keywords = new LinkedHashSet<>();
    String type = null;
    for (String[] term : terms(item)) {
      TermRule rule = names.rule(term[0], term[1]);
      SourceTerm source = names.term(term[0], term[1]);
      if (rule == null) {
        continue;
      }
      switch (rule.kind()) {
        case TOPIC -> topics.add(names.target(term[0], term[1]));
        case REGION -> regions.add(names.target(term[0], term[1]));
        case TYPE -> type = type == null ? names.target(term[0], term[1]) : type;
        case KEYWORD -> keywords.add(ImportNames.shorten(source == null ? term[1] : source.name(), PublicationInput.MAX_KEYWORD));
        default -> { }
      }
    }
    if (type == null) {
      type = map.defaultType().orElse(types.keys().get(0));
    }
    List<String> keywordList = new ArrayList<>(keywords);
    if (keywordList.size() > PublicationInput.MAX_KEYWORDS) {
      losses.accept("it has " + keywordList.size() + " tags; the first " + PublicationInput.MAX_KEYWORDS + " are kept as keywords");
      keywordList = keywordList.subList(0, PublicationInput.MAX_KEYWORDS);
    }

    String body = bodies.toMarkdown(item.html(), flavour, media, index::attachmentUrl, losses);
    FeaturedImage featuredImage = featuredImage(item, body);
    if (featuredImage == null) {
      body = withFeaturedImage(item, body, losses);
    }
    String standfirst = ImportNames.shorten(plain(item.excerpt()), PublicationInput.MAX_STANDFIRST);
    try {
      return new PublicationInput(slug, language(item, losses), group, title, standfirst, body, type, status, published,
          updated, item.featured(), experts, List.copyOf(topics), List.copyOf(regions), keywordList,
          ImportNames.shorten(seoText(item.seoTitle(), title), PublicationInput.MAX_TITLE),
          ImportNames.shorten(seoText(item.seoDescription(), title), PublicationInput.MAX_STANDFIRST), featuredImage);
    } catch (InvalidContentException e) {
      throw new Refused(e.getMessage());
    }
  }

  /**
   * A page of the old site as a ThinkPress site page: the same text, status and times, without
   * what a page does not show (authors, topics, regions, keywords, the home page's feature).
   */
  static PublicationInput asPage(PublicationInput input) {
    return new PublicationInput(input.slug(), input.language(), input.translationGroup(), input.title(),
        input.standfirst(), input.bodyMarkdown(), PublicationTypes.PAGE, input.status(), input.publishedAt(),
        input.updatedAt(), false, List.of(), List.of(), List.of(), List.of(), input.seoTitle(), input.seoDescription());
  }

  /** The slugs of an item's categories and tags, as {taxonomy, slug} pairs, in order. */
  private static List<String[]> terms(SourceItem item) {
    List<String[]> terms = new ArrayList<>();
    item.categories().forEach(slug -> terms.add(new String[] {SourceTerm.CATEGORY, slug}));
    item.tags().forEach(slug -> terms.add(new String[] {SourceTerm.TAG, slug}));
    return terms;
  }

  /**
   * The item's featured image as the piece's, when it was brought over as an uploaded image that
   * the body does not show already; its alternative text is the title (the old sites' exports carry
   * none of their own). Null otherwise: then {@link #withFeaturedImage} says what became of it.
   */
  private FeaturedImage featuredImage(SourceItem item, String body) {
    String url = !item.featuredImage().isEmpty() ? item.featuredImage()
        : index.attachmentUrl(item.featuredImageId()).orElse("");
    String shown = url.isEmpty() ? null : media.stored(url).orElse(null);
    if (shown == null || body.contains("(" + shown + ")") || body.contains("\"" + shown + "\"")) {
      return null;
    }
    try {
      return new FeaturedImage(shown, ImportNames.shorten(plain(item.title()), FeaturedImage.MAX_ALT), "", "");
    } catch (InvalidContentException e) {
      return null; // not an uploaded image (a document as a featured image): it opens the body as before
    }
  }

  /**
   * A featured image that cannot be the piece's (not brought over, or not an image): a note of it,
   * or the image itself, opens the body, unless the body already shows it.
   */
  private String withFeaturedImage(SourceItem item, String body, Consumer<String> losses) {
    String url = !item.featuredImage().isEmpty() ? item.featuredImage()
        : index.attachmentUrl(item.featuredImageId()).orElse("");
    if (url.isEmpty()) {
      if (!item.featuredImageId().isEmpty()) {
        losses.accept("its featured image (attachment " + item.featuredImageId() + ") is not in the export");
      }
      return body;
    }
    String shown = media.stored(url).orElse(null);
    if (shown == null && media.failed(url)) {
      losses.accept("missing file " + url);
      return "*[Image not brought over: " + MediaPlan.fileName(url).replace("]", "") + "]*\n\n" + body;
    }
    String src = shown != null ? shown : url;
    if (body.contains("(" + src + ")") || body.contains("\"" + src + "\"")) {
      return body;
    }
    String alt = plain(item.title()).replace("]", "").replace("[", "");
    return "![" + alt + "](" + src + ")\n\n" + body;
  }

  private String language(SourceItem item, Consumer<String> losses) {
    String tag = item.language().isEmpty() ? "" : item.language().replace('_', '-');
    if (!tag.isEmpty()) {
      try {
        return Languages.require("language", tag);
      } catch (InvalidContentException e) {
        losses.accept("its language '" + item.language() + "' is not a language tag; given " + language);
      }
    }
    return language;
  }

  /** Yoast's {@code %%var%%} and Rank Math's {@code %var%} template variables. */
  private static final java.util.regex.Pattern SEO_VARIABLE = java.util.regex.Pattern.compile("%%([a-z_]+)%%|%([a-z_]+)%");

  /**
   * An SEO plugin's title or description as readers would have seen it: the piece's title for
   * {@code %%title%%}, a dash for {@code %%sep%%}, the site's name for {@code %%sitename%%}, and
   * nothing for the variables that depend on the old site (categories, pages, dates); a text that
   * was only variables is no text, so the page falls back to the headline or standfirst.
   */
  String seoText(String text, String title) {
    String plain = plain(text);
    if (plain.indexOf('%') < 0) {
      return plain;
    }
    String expanded = SEO_VARIABLE.matcher(plain).replaceAll(match -> switch (match.group(1) != null ? match.group(1) : match.group(2)) {
      case "title" -> java.util.regex.Matcher.quoteReplacement(title);
      case "sep" -> "–";
      case "sitename" -> java.util.regex.Matcher.quoteReplacement(siteTitle);
      default -> "";
    }).replaceAll("\\s+", " ").strip();
    expanded = expanded.replaceAll("^[–|\\s]+|[–|\\s]+$", "");
    return expanded.equals(title) ? "" : expanded;
  }

  /** Text without markup: excerpts and SEO fields sometimes carry tags or entities. */
  static String plain(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
      return text.strip().replaceAll("\\s+", " ");
    }
    return Jsoup.parse(text).text().strip();
  }
}
