package org.thinkpress.site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.Expert;
import org.thinkpress.content.Languages;
import org.thinkpress.content.Listing;
import org.thinkpress.content.Page;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.content.Region;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.Topic;
import org.thinkpress.kit.Messages;
import org.thinkpress.kit.Urls;
import org.thinkpress.kit.Views.FeedLinks;
import org.thinkpress.kit.Views.Link;
import org.thinkpress.kit.Views.Pager;
import org.thinkpress.kit.Views.Profile;
import org.thinkpress.site.SiteViews.IndexEntry;
import org.thinkpress.site.SiteViews.IndexPage;
import org.thinkpress.site.SiteViews.ListingPage;

/** Listings (all, topic, region, expert, type, year, language) and the index pages above them. */
final class ListingPages {

  /** The earliest and latest years an archive URL may name; anything else is not a year of ours. */
  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 2999;

  private final ViewHelpers helpers;

  ListingPages(ViewHelpers helpers) {
    this.helpers = helpers;
  }

  private String language() {
    return helpers.config.language();
  }

  private Messages msg() {
    return Messages.of(language());
  }

  View all(int page) {
    return listing(new Spec(Urls.PUBLICATIONS, Listing.all(), msg().get("nav.publications"), msg().get("listing.all"),
        msg().get("listing.all_intro"), "publications").feeds(msg().get("feed.site_title"), ""), page);
  }

  View topic(String slug, int page) {
    Topic topic = helpers.reader.taxonomy().topic(slug).orElseThrow(() -> new ContentNotFoundException("topic", slug));
    String name = topic.nameIn(language());
    return listing(new Spec(Urls.topic(slug), Listing.topic(topic.id()), msg().get("listing.topic"), name,
        topic.description(), "topics").feeds(name, Urls.topic(slug)), page);
  }

  View region(String slug, int page) {
    Taxonomy taxonomy = helpers.reader.taxonomy();
    Region region = taxonomy.region(slug).orElseThrow(() -> new ContentNotFoundException("region", slug));
    String name = region.nameIn(language());
    Spec spec = new Spec(Urls.region(slug), Listing.regions(taxonomy.selfAndDescendants(region)),
        msg().get("listing.region"), name, null, "regions").feeds(name, Urls.region(slug));
    List<Region> path = taxonomy.pathTo(region);
    spec.breadcrumbs = new ArrayList<>(List.of(new Link(Urls.REGIONS, msg().get("nav.regions"))));
    spec.breadcrumbs.addAll(helpers.regionLinks(path.subList(0, path.size() - 1), language()));
    spec.related = helpers.regionLinks(taxonomy.childrenOf(region), language());
    spec.relatedLabel = msg().get("listing.subregions");
    return listing(spec, page);
  }

  View expert(String slug, int page) {
    Expert expert = helpers.reader.taxonomy().expert(slug).orElseThrow(() -> new ContentNotFoundException("expert", slug));
    String name = expert.nameIn(language());
    Spec spec = new Spec(Urls.expert(slug), Listing.expert(expert.id()), msg().get("listing.expert"), name,
        expert.role(), "experts").feeds(name, Urls.expert(slug));
    spec.profile = helpers.profile(expert, language());
    spec.ogType = "profile";
    var profilePage = JsonLd.node("ProfilePage");
    profilePage.put("mainEntity", helpers.person(expert, language()));
    spec.jsonLd = JsonLd.write(profilePage);
    return listing(spec, page);
  }

  View type(String type, int page) {
    if (!helpers.config.types().contains(type)) {
      throw new ContentNotFoundException("publication type", type);
    }
    Spec spec = new Spec(Urls.type(type), Listing.type(type), msg().get("listing.type"), msg().typeLabel(type), null,
        "publications");
    spec.related = helpers.config.types().keys().stream().filter(t -> !t.equals(type))
        .map(t -> new Link(Urls.type(t), msg().typeLabel(t))).toList();
    spec.relatedLabel = msg().get("listing.by_type");
    return listing(spec, page);
  }

  View year(int year, int page) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new ContentNotFoundException("archive year", String.valueOf(year));
    }
    ZoneId zone = helpers.config.zone();
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
    Instant until = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
    Spec spec = new Spec(Urls.year(year), Listing.between(from, until), msg().get("listing.year"),
        msg().format("listing.year_title", String.valueOf(year)), null, "archive");
    spec.breadcrumbs = List.of(new Link(Urls.ARCHIVE, msg().get("nav.archive")));
    spec.emptyIsMissing = true;
    return listing(spec, page);
  }

  View language(String tag, int page) {
    if (!helpers.reader.languages().contains(tag)) {
      throw new ContentNotFoundException("language", tag);
    }
    Spec spec = new Spec(Urls.language(tag), Listing.all().inLanguage(tag), msg().get("listing.language"),
        msg().format("listing.language_title", Languages.nativeName(tag)), null, "publications");
    return listing(spec, page);
  }

  View topicsIndex() {
    List<IndexEntry> entries = helpers.reader.taxonomy().topics().stream()
        .map(topic -> new IndexEntry(Urls.topic(topic.slug()), topic.nameIn(language()), topic.description(),
            count(Listing.topic(topic.id())), 0, null, null))
        .toList();
    return index(Urls.TOPICS, "topics", msg().get("index.topics"), msg().get("index.topics_intro"), entries);
  }

  View regionsIndex() {
    Taxonomy taxonomy = helpers.reader.taxonomy();
    List<IndexEntry> entries = taxonomy.regions().stream()
        .map(region -> new IndexEntry(Urls.region(region.slug()), region.nameIn(language()), null,
            count(Listing.regions(taxonomy.selfAndDescendants(region))), taxonomy.pathTo(region).size() - 1, null, null))
        .toList();
    return index(Urls.REGIONS, "regions", msg().get("index.regions"), msg().get("index.regions_intro"), entries);
  }

  View expertsIndex() {
    List<IndexEntry> entries = helpers.reader.taxonomy().experts().stream()
        .map(expert -> new IndexEntry(Urls.expert(expert.slug()), expert.nameIn(language()),
            expert.role() + (expert.affiliation().isEmpty() ? "" : ", " + expert.affiliation()),
            count(Listing.expert(expert.id())), 0, expert.photoUrl(), null))
        .toList();
    return index(Urls.EXPERTS, "experts", msg().get("index.experts"), msg().get("index.experts_intro"), entries);
  }

  View archiveIndex() {
    ZoneId zone = helpers.config.zone();
    List<IndexEntry> entries = new ArrayList<>();
    helpers.reader.publishedRange().ifPresent(range -> {
      int first = range[0].atZone(zone).getYear();
      for (int year = range[1].atZone(zone).getYear(); year >= first; year--) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant until = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        long count = helpers.reader.count(Listing.between(from, until));
        if (count > 0) {
          entries.add(new IndexEntry(Urls.year(year), String.valueOf(year), null,
              msg().plural("count.publications", count), 0, null, null));
        }
      }
    });
    return index(Urls.ARCHIVE, "archive", msg().get("index.archive"), msg().get("index.archive_intro"), entries);
  }

  private String count(Listing listing) {
    return msg().plural("count.publications", helpers.reader.count(listing));
  }

  private View index(String path, String section, String heading, String intro, List<IndexEntry> entries) {
    var layout = helpers.layout(language(), heading, intro, path).section(section);
    return new View(200, "site/index.jte", layout.build(), new IndexPage(heading, intro, entries));
  }

  /** What varies between listings; the defaults suit most. */
  private static final class Spec {
    final String path;
    final Listing listing;
    final String kicker;
    final String heading;
    final String intro;
    final String section;
    FeedLinks feeds;
    List<Link> breadcrumbs = List.of();
    List<Link> related = List.of();
    String relatedLabel = "";
    Profile profile;
    String ogType = "website";
    String jsonLd;
    boolean emptyIsMissing;

    Spec(String path, Listing listing, String kicker, String heading, String intro, String section) {
      this.path = path;
      this.listing = listing;
      this.kicker = kicker;
      this.heading = heading;
      this.intro = intro;
      this.section = section;
    }

    /** Feeds at {@code base + /feed.xml} and {@code base + /atom.xml}; base "" is the site's feed. */
    Spec feeds(String title, String base) {
      feeds = new FeedLinks(title, Urls.rss(base), Urls.atom(base));
      return this;
    }
  }

  private View listing(Spec spec, int pageNumber) {
    Page<PublicationSummary> page = helpers.reader.list(spec.listing, pageNumber, helpers.config.pageSize());
    if (pageNumber > 1 && page.isBeyondEnd() || spec.emptyIsMissing && page.total() == 0) {
      throw new ContentNotFoundException("page " + pageNumber + " of", spec.path);
    }
    Messages msg = msg();
    String newer = page.hasPrevious() ? Urls.page(spec.path, pageNumber - 1) : null;
    String older = page.hasNext() ? Urls.page(spec.path, pageNumber + 1) : null;
    Pager pager = page.pageCount() > 1
        ? new Pager(msg.format("pager.position", pageNumber, page.pageCount()), newer, older) : null;
    String title = pageNumber > 1 ? spec.heading + " (" + msg.format("pager.title_suffix", pageNumber) + ")" : spec.heading;
    String description = spec.intro != null && !spec.intro.isEmpty() ? spec.intro : spec.kicker + ": " + spec.heading;
    var layout = helpers.layout(language(), title, description, Urls.page(spec.path, pageNumber))
        .section(spec.section)
        .ogType(spec.ogType)
        .pages(newer, older)
        .feeds(spec.feeds)
        .jsonLd(spec.jsonLd);
    ListingPage view = new ListingPage(spec.kicker, spec.heading, spec.intro, spec.profile, spec.breadcrumbs,
        spec.related, spec.relatedLabel, helpers.cards(page.items(), language()), pager, spec.feeds);
    return new View(200, "site/listing.jte", layout.build(), view);
  }

}
