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
import org.thinkpress.search.OtherMaterials;
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

  PublicationPages(ViewHelpers helpers, OtherMaterials otherMaterials) {
    this.helpers = helpers;
    this.otherMaterials = otherMaterials;
  }

  View home() {
    String language = helpers.config.language();
    Taxonomy taxonomy = helpers.reader.taxonomy();
    Optional<PublicationSummary> featured = helpers.reader.featured();
    List<PublicationSummary> latest = new ArrayList<>(helpers.reader.list(Listing.all(), 1, LATEST_ON_HOME + 1).items());
    featured.ifPresent(f -> latest.removeIf(s -> s.id() == f.id()));
    List<RegionNode> regions = taxonomy.regions().stream().filter(Region::isTopLevel)
        .map(region -> new RegionNode(new Link(Urls.region(region.slug()), region.nameIn(language)),
            helpers.regionLinks(taxonomy.childrenOf(region), language)))
        .toList();
    List<Profile> experts = taxonomy.experts().stream().limit(6).map(e -> helpers.profile(e, language)).toList();
    HomePage page = new HomePage(featured.map(f -> helpers.card(f, language)).orElse(null),
        helpers.cards(latest.subList(0, Math.min(LATEST_ON_HOME, latest.size())), language),
        helpers.topicLinks(taxonomy.topics(), language), regions, experts);

    SiteIdentity identity = helpers.identity();
    var website = JsonLd.node("WebSite");
    website.put("name", identity.name());
    website.put("url", helpers.config.absolute("/"));
    website.put("description", identity.description());
    website.put("inLanguage", language);
    website.put("publisher", helpers.publisher());
    Messages msg = Messages.of(language);
    var layout = helpers.layout(language, null, identity.description(), "/")
        .feeds(new Views.FeedLinks(msg.get("feed.site_title"), Urls.FEED_RSS, Urls.FEED_ATOM))
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

    PublicationPage page = new PublicationPage(publication.title(), publication.standfirst(),
        new Link(Urls.type(publication.type()), msg.typeLabel(publication.type())),
        experts.stream().map(e -> new Link(Urls.expert(e.slug()), e.nameIn(language))).toList(),
        Formats.date(publication.publishedAt(), msg.locale(), helpers.config.zone()),
        Formats.date(publication.updatedAt(), msg.locale(), helpers.config.zone()),
        msg.format("publication.reading", publication.readingMinutes()),
        toc(publication.toc()), publication.bodyHtml(),
        helpers.topicLinks(taxonomy.topics(publication.topicIds()), language),
        helpers.regionLinks(taxonomy.regions(publication.regionIds()), language),
        publication.keywords().stream().map(k -> new Link(keywordSearch(k), k)).toList(),
        translationLinks, experts.stream().map(e -> helpers.profile(e, language)).toList(),
        helpers.cards(related, language), archived, hero(publication).orElse(null));

    String path = Urls.publication(slug);
    LayoutBuilder layout = helpers.layout(language, publication.searchTitle(), publication.searchDescription(), path)
        .ogType("article")
        .alternates(alternates(publication, translations))
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
    if (archived) {
      layout.noindex();
    }
    return new View(200, "site/publication.jte", layout.build(), page);
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

  /** hreflang links: the piece itself and each translation, plus x-default for the site's language version. */
  private List<LanguageLink> alternates(Publication publication, List<PublicationSummary> translations) {
    if (translations.isEmpty()) {
      return List.of();
    }
    List<LanguageLink> alternates = new ArrayList<>();
    alternates.add(new LanguageLink(helpers.config.absolute(Urls.publication(publication.slug())), "", publication.language()));
    String defaultHref = publication.language().equals(helpers.config.language())
        ? helpers.config.absolute(Urls.publication(publication.slug())) : null;
    for (PublicationSummary translation : translations) {
      String href = helpers.config.absolute(Urls.publication(translation.slug()));
      alternates.add(new LanguageLink(href, "", translation.language()));
      if (translation.language().equals(helpers.config.language())) {
        defaultHref = href;
      }
    }
    if (defaultHref != null) {
      alternates.add(new LanguageLink(defaultHref, "", "x-default"));
    }
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
