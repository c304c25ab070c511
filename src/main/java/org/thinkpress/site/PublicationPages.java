package org.thinkpress.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.Expert;
import org.thinkpress.content.FeaturedImage;
import org.thinkpress.content.Languages;
import org.thinkpress.content.Listing;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.content.Region;
import org.thinkpress.content.Status;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.TocEntry;
import org.thinkpress.kit.LayoutBuilder;
import org.thinkpress.kit.Messages;
import org.thinkpress.kit.SiteIdentity;
import org.thinkpress.kit.Urls;
import org.thinkpress.kit.Views.LanguageLink;
import org.thinkpress.kit.Views.Link;
import org.thinkpress.kit.Views.Profile;
import org.thinkpress.kit.Views;
import org.thinkpress.research.CitationItem;
import org.thinkpress.research.Citations;
import org.thinkpress.research.ScholarTags;
import org.thinkpress.search.OtherMaterials;
import org.thinkpress.site.SiteViews.CiteThis;
import org.thinkpress.site.SiteViews.HomePage;
import org.thinkpress.site.SiteViews.PublicationPage;
import org.thinkpress.site.SiteViews.RegionNode;
import org.thinkpress.site.SiteViews.TocItem;

/** The home page and publication pages. */
final class PublicationPages {

  static final int LATEST_ON_HOME = 8;
  static final int OTHER_MATERIALS = 4;

  private final ViewHelpers helpers;
  private final OtherMaterials otherMaterials;
  private final Citations citations;

  PublicationPages(ViewHelpers helpers, OtherMaterials otherMaterials, Citations citations) {
    this.helpers = helpers;
    this.otherMaterials = otherMaterials;
    this.citations = citations;
  }

  /** An edition's home; the main one shows the featured piece whatever its language, the others only in theirs. */
  View home(Edition edition) {
    String language = edition.language();
    Taxonomy taxonomy = helpers.reader.taxonomy();
    Optional<PublicationSummary> featured = helpers.reader.featured()
        .filter(f -> edition.isMain() || f.language().equals(language));
    List<PublicationSummary> latest = new ArrayList<>(
        helpers.reader.list(helpers.editions.listing(edition, Listing.all()), 1, LATEST_ON_HOME + 1).items());
    featured.ifPresent(f -> latest.removeIf(s -> s.id() == f.id()));
    List<RegionNode> regions = taxonomy.regions().stream().filter(Region::isTopLevel)
        .map(region -> new RegionNode(new Link(edition.path(Urls.region(region.slug())), region.nameIn(language)),
            helpers.regionLinks(taxonomy.childrenOf(region), edition, language)))
        .toList();
    List<Profile> experts = taxonomy.experts().stream().limit(6).map(e -> helpers.profile(e, language)).toList();
    HomePage page = new HomePage(featured.map(f -> helpers.card(f, edition, language)).orElse(null),
        helpers.cards(latest.subList(0, Math.min(LATEST_ON_HOME, latest.size())), edition),
        helpers.topicLinks(taxonomy.topics(), edition, language), regions, experts);

    SiteIdentity identity = helpers.identity();
    var website = JsonLd.node("WebSite");
    website.put("name", identity.name());
    website.put("url", helpers.config.absolute(edition.home()));
    website.put("description", identity.description());
    website.put("inLanguage", language);
    website.put("publisher", helpers.publisher());
    Messages msg = Messages.of(language);
    var layout = helpers.layout(edition, language, null, identity.description(), edition.home())
        .feeds(new Views.FeedLinks(msg.get("feed.site_title"), edition.path(Urls.FEED_RSS), edition.path(Urls.FEED_ATOM)))
        .languages(helpers.editions.switcher(Edition::home))
        .alternates(helpers.editions.alternates(Edition::home))
        .jsonLd(JsonLd.write(website))
        .section("home");
    return new View(200, "site/home.jte", layout.build(), page);
  }

  View publication(String slug) {
    Publication publication = helpers.reader.publicPublication(slug)
        .orElseThrow(() -> new ContentNotFoundException("publication", slug));
    String language = publication.language();
    Messages msg = Messages.of(language);
    Taxonomy taxonomy = helpers.reader.taxonomy();
    List<Expert> experts = taxonomy.experts(publication.expertIds());
    List<PublicationSummary> translations = helpers.reader.translations(publication);
    List<LanguageLink> translationLinks = translations.stream()
        .map(t -> new LanguageLink(Urls.publication(t.slug()), Languages.nativeName(t.language()), t.language()))
        .toList();
    boolean archived = publication.status() == Status.ARCHIVED;
    List<PublicationSummary> related = archived ? List.of() : otherMaterials.forPublication(publication, OTHER_MATERIALS);

    CitationItem citation = citations.item(publication);
    PublicationPage page = new PublicationPage(publication.title(), publication.standfirst(),
        new Link(helpers.editions.forLanguage(language).path(Urls.type(publication.type())), msg.typeLabel(publication.type())),
        experts.stream().map(e -> new Link(helpers.editions.forLanguage(language).path(Urls.expert(e.slug())), e.nameIn(language))).toList(),
        Formats.date(publication.publishedAt(), msg.locale(), helpers.config.zone()),
        Formats.date(publication.updatedAt(), msg.locale(), helpers.config.zone()),
        msg.plural("reading.minutes", publication.readingMinutes()),
        toc(publication.toc()), publication.bodyHtml(),
        helpers.topicLinks(taxonomy.topics(publication.topicIds()), helpers.editions.forLanguage(language), language),
        helpers.regionLinks(taxonomy.regions(publication.regionIds()), helpers.editions.forLanguage(language), language),
        publication.keywords().stream().map(k -> new Link(keywordSearch(k), k)).toList(),
        translationLinks, experts.stream().map(e -> helpers.profile(e, language)).toList(),
        helpers.cards(related, helpers.editions.forLanguage(language)), archived, hero(publication).orElse(null),
        citeThis(citation, publication.slug(), msg));

    String path = Urls.publication(slug);
    Edition edition = helpers.editions.forLanguage(language);
    LayoutBuilder layout = helpers.layout(edition, language, publication.searchTitle(), publication.searchDescription(), path)
        .languages(helpers.editions.switcher(language, path, translations))
        .ogType("article")
        .alternates(alternates(helpers, publication, translations))
        .jsonLd(articleJsonLd(publication, experts, taxonomy, msg))
        .section("publications")
        .metaProperty("article:published_time", publication.publishedAt().toString())
        .metaProperty("article:modified_time", publication.lastRevisedAt().toString())
        .metaProperty("article:section", msg.typeLabel(publication.type()));
    experts.forEach(e -> layout.metaProperty("article:author", helpers.config.absolute(Urls.expert(e.slug()))));
    taxonomy.topics(publication.topicIds()).forEach(t -> layout.metaProperty("article:tag", t.nameIn(language)));
    if (page.image() != null) {
      layout.image(helpers.config.absolute(page.image().largest()), page.image().largestWidth(),
          page.image().largestHeight(), page.image().alt());
    }
    ScholarTags.of(citation, null).forEach(tag -> layout.metaName(tag.name(), tag.content()));
    if (archived) {
      layout.noindex();
    }
    return new View(200, "site/publication.jte", layout.build(), page);
  }

  private CiteThis citeThis(CitationItem citation, String slug, Messages msg) {
    List<Link> downloads = citations.downloads(slug).stream()
        .map(download -> new Link(download.href(), msg.get("cite.file." + download.file().extension())))
        .toList();
    return new CiteThis(citations.styles(citation), downloads);
  }

  /** The featured image at the top of the page, if the piece has one and it is an uploaded image. */
  private Optional<Views.Image> hero(Publication publication) {
    FeaturedImage image = publication.image();
    return image == null ? Optional.empty()
        : helpers.images.image(image.url(), image.alt(), image.caption(), image.credit());
  }

  /** A search for the keyword as a phrase: keywords have no pages of their own. */
  private static String keywordSearch(String keyword) {
    return "/search?q=" + java.net.URLEncoder.encode("\"" + keyword + "\"", java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<TocItem> toc(List<TocEntry> entries) {
    int top = entries.stream().mapToInt(TocEntry::level).min().orElse(2);
    return entries.stream().map(e -> new TocItem("#" + e.id(), e.text(), e.level() > top)).toList();
  }

  /**
   * hreflang links: the piece itself and each translation, plus x-default for one of them, the same
   * from every page of the group: the version in the main language, else in the first of the site's
   * languages that has one ({@code site.languages} order). None for a piece without translations.
   */
  static List<LanguageLink> alternates(ViewHelpers helpers, Publication publication, List<PublicationSummary> translations) {
    if (translations.isEmpty()) {
      return List.of();
    }
    List<LanguageLink> alternates = new ArrayList<>();
    alternates.add(new LanguageLink(helpers.config.absolute(Urls.piece(publication.type(), publication.slug())), "",
        publication.language()));
    for (PublicationSummary translation : translations) {
      alternates.add(new LanguageLink(helpers.config.absolute(Urls.piece(translation.type(), translation.slug())), "",
          translation.language()));
    }
    List<String> order = helpers.config.languages();
    LanguageLink first = alternates.stream().min(java.util.Comparator
        .comparingInt((LanguageLink link) -> order.contains(link.language()) ? order.indexOf(link.language()) : order.size())
        .thenComparing(LanguageLink::href)).orElseThrow();
    alternates.add(new LanguageLink(first.href(), "", "x-default"));
    return alternates;
  }

  private String articleJsonLd(Publication publication, List<Expert> experts, Taxonomy taxonomy, Messages msg) {
    String url = helpers.config.absolute(Urls.publication(publication.slug()));
    Map<String, Object> article = JsonLd.node("Article");
    article.put("headline", publication.title());
    if (!publication.standfirst().isEmpty()) {
      article.put("description", publication.standfirst());
    }
    article.put("inLanguage", publication.language());
    article.put("url", url);
    article.put("mainEntityOfPage", url);
    article.put("datePublished", publication.publishedAt().toString());
    article.put("dateModified", publication.lastRevisedAt().toString());
    article.put("articleSection", msg.typeLabel(publication.type()));
    List<String> keywords = new ArrayList<>();
    taxonomy.topics(publication.topicIds()).forEach(t -> keywords.add(t.nameIn(publication.language())));
    taxonomy.regions(publication.regionIds()).forEach(r -> keywords.add(r.nameIn(publication.language())));
    keywords.addAll(publication.keywords());
    if (!keywords.isEmpty()) {
      article.put("keywords", String.join(", ", keywords));
    }
    article.put("author", experts.isEmpty() ? helpers.publisher()
        : experts.stream().map(e -> helpers.person(e, publication.language())).toList());
    article.put("publisher", helpers.publisher());
    hero(publication).ifPresent(image -> {
      Map<String, Object> picture = JsonLd.node("ImageObject");
      picture.put("url", helpers.config.absolute(image.largest()));
      picture.put("width", image.largestWidth());
      picture.put("height", image.largestHeight());
      if (!image.caption().isEmpty()) {
        picture.put("caption", image.caption());
      }
      if (!image.credit().isEmpty()) {
        picture.put("creditText", image.credit());
      }
      article.put("image", picture);
    });
    return JsonLd.write(article);
  }
}
