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
  private final FilteredListings filtered;

  ListingPages(ViewHelpers helpers) {
    this.helpers = helpers;
    this.filtered = new FilteredListings(helpers);
  }

  private static Messages msg(Edition e) {
    return Messages.of(e.language());
  }

  /** Every publication of the edition, or those the filters select (a page for readers, not for search engines). */
  View all(Edition e, ListingFilter filter, int page) {
    Spec spec = new Spec(Urls.PUBLICATIONS, Listing.all(), msg(e).get("nav.publications"), msg(e).get("listing.all"),
        msg(e).get("listing.all_intro"), "publications").feeds(msg(e).get("feed.site_title"), "");
    spec.filter = filter;
    return listing(e, spec, page);
  }

  View topic(Edition e, String slug, int page) {
    Topic topic = helpers.reader.taxonomy().topic(slug).orElseThrow(() -> new ContentNotFoundException("topic", slug));
    String name = topic.nameIn(e.language());
    return listing(e, new Spec(Urls.topic(slug), Listing.topic(topic.id()), msg(e).get("listing.topic"), name,
        topic.description(), "topics").feeds(name, Urls.topic(slug)), page);
  }

  View region(Edition e, String slug, int page) {
    Taxonomy taxonomy = helpers.reader.taxonomy();
    Region region = taxonomy.region(slug).orElseThrow(() -> new ContentNotFoundException("region", slug));
    String name = region.nameIn(e.language());
    Spec spec = new Spec(Urls.region(slug), Listing.regions(taxonomy.selfAndDescendants(region)),
        msg(e).get("listing.region"), name, null, "regions").feeds(name, Urls.region(slug));
    List<Region> path = taxonomy.pathTo(region);
    spec.breadcrumbs = new ArrayList<>(List.of(new Link(e.path(Urls.REGIONS), msg(e).get("nav.regions"))));
    spec.breadcrumbs.addAll(helpers.regionLinks(path.subList(0, path.size() - 1), e, e.language()));
    spec.related = helpers.regionLinks(taxonomy.childrenOf(region), e, e.language());
    spec.relatedLabel = msg(e).get("listing.subregions");
    return listing(e, spec, page);
  }

  View expert(Edition e, String slug, int page) {
    Expert expert = helpers.reader.taxonomy().expert(slug).orElseThrow(() -> new ContentNotFoundException("expert", slug));
    String name = expert.nameIn(e.language());
    Spec spec = new Spec(Urls.expert(slug), Listing.expert(expert.id()), msg(e).get("listing.expert"), name,
        expert.role(), "experts").feeds(name, Urls.expert(slug));
    spec.profile = helpers.profile(expert, e.language());
    spec.expert = helpers.expertFacts(expert, e.language());
    spec.ogType = "profile";
    var profilePage = JsonLd.node("ProfilePage");
    profilePage.put("mainEntity", helpers.person(expert, e.language()));
    spec.jsonLd = JsonLd.write(profilePage);
    return listing(e, spec, page);
  }

  View type(Edition e, String type, int page) {
    if (!helpers.config.types().contains(type)) {
      throw new ContentNotFoundException("publication type", type);
    }
    Spec spec = new Spec(Urls.type(type), Listing.type(type), msg(e).get("listing.type"), msg(e).typeLabel(type), null,
        "publications");
    spec.related = helpers.config.types().keys().stream().filter(t -> !t.equals(type))
        .map(t -> new Link(e.path(Urls.type(t)), msg(e).typeLabel(t))).toList();
    spec.relatedLabel = msg(e).get("listing.by_type");
    return listing(e, spec, page);
  }

  View year(Edition e, int year, int page) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new ContentNotFoundException("archive year", String.valueOf(year));
    }
    ZoneId zone = helpers.config.zone();
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
    Instant until = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
    Spec spec = new Spec(Urls.year(year), Listing.between(from, until), msg(e).get("listing.year"),
        msg(e).format("listing.year_title", String.valueOf(year)), null, "archive");
    spec.breadcrumbs = List.of(new Link(e.path(Urls.ARCHIVE), msg(e).get("nav.archive")));
    spec.emptyIsMissing = true;
    return listing(e, spec, page);
  }

  View language(Edition e, String tag, int page) {
    if (!helpers.reader.languages().contains(tag)) {
      throw new ContentNotFoundException("language", tag);
    }
    Spec spec = new Spec(Urls.language(tag), Listing.all().inLanguage(tag), msg(e).get("listing.language"),
        msg(e).format("listing.language_title", Languages.nativeName(tag)), null, "publications");
    spec.ownLanguage = false;
    return listing(e, spec, page);
  }

  View topicsIndex(Edition e) {
    List<IndexEntry> entries = helpers.reader.taxonomy().topics().stream()
        .map(topic -> new IndexEntry(e.path(Urls.topic(topic.slug())), topic.nameIn(e.language()), topic.description(),
            count(e, Listing.topic(topic.id())), 0, null, null))
        .toList();
    return index(e, Urls.TOPICS, "topics", msg(e).get("index.topics"), msg(e).get("index.topics_intro"), entries);
  }

  View regionsIndex(Edition e) {
    Taxonomy taxonomy = helpers.reader.taxonomy();
    List<IndexEntry> entries = taxonomy.regions().stream()
        .map(region -> new IndexEntry(e.path(Urls.region(region.slug())), region.nameIn(e.language()), null,
            count(e, Listing.regions(taxonomy.selfAndDescendants(region))), taxonomy.pathTo(region).size() - 1, null, null))
        .toList();
    return index(e, Urls.REGIONS, "regions", msg(e).get("index.regions"), msg(e).get("index.regions_intro"), entries);
  }

  View expertsIndex(Edition e) {
    List<IndexEntry> entries = helpers.reader.taxonomy().experts().stream()
        .map(expert -> new IndexEntry(e.path(Urls.expert(expert.slug())), expert.nameIn(e.language()),
            expert.role() + (expert.affiliation().isEmpty() ? "" : ", " + expert.affiliation()),
            count(e, Listing.expert(expert.id())), 0, expert.photoUrl(), null))
        .toList();
    return index(e, Urls.EXPERTS, "experts", msg(e).get("index.experts"), msg(e).get("index.experts_intro"), entries);
  }

  View archiveIndex(Edition e) {
    ZoneId zone = helpers.config.zone();
    List<IndexEntry> entries = new ArrayList<>();
    helpers.reader.publishedRange().ifPresent(range -> {
      int first = range[0].atZone(zone).getYear();
      for (int year = range[1].atZone(zone).getYear(); year >= first; year--) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant until = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        long count = helpers.reader.count(helpers.editions.listing(e, Listing.between(from, until)));
        if (count > 0) {
          entries.add(new IndexEntry(e.path(Urls.year(year)), String.valueOf(year), null,
              msg(e).plural("count.publications", count), 0, null, null));
        }
      }
    });
    return index(e, Urls.ARCHIVE, "archive", msg(e).get("index.archive"), msg(e).get("index.archive_intro"), entries);
  }

  private String count(Edition e, Listing listing) {
    return msg(e).plural("count.publications", helpers.reader.count(helpers.editions.listing(e, listing)));
  }

  private View index(Edition e, String path, String section, String heading, String intro, List<IndexEntry> entries) {
    var layout = helpers.layout(e, e.language(), heading, intro, e.path(path)).section(section)
        .languages(helpers.editions.switcher(other -> other.path(path)))
        .alternates(helpers.editions.alternates(other -> other.path(path)));
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
    SiteViews.ExpertFacts expert;
    String ogType = "website";
    String jsonLd;
    boolean emptyIsMissing;
    /** Whether the listing shows the edition's language (all but the listing of one language do). */
    boolean ownLanguage = true;
    /** The filters of {@code /publications}, {@code null} on other listings. */
    ListingFilter filter;

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

  private View listing(Edition e, Spec spec, int pageNumber) {
    ListingFilter filter = spec.filter == null ? ListingFilter.NONE : spec.filter;
    Listing listing = spec.filter != null ? filtered.listing(e, filter)
        : spec.ownLanguage ? helpers.editions.listing(e, spec.listing) : spec.listing;
    Page<PublicationSummary> page = helpers.reader.list(listing, pageNumber, helpers.config.pageSize());
    String path = e.path(spec.path);
    if (pageNumber > 1 && page.isBeyondEnd() || spec.emptyIsMissing && page.total() == 0) {
      throw new ContentNotFoundException("page " + pageNumber + " of", filter.href(path, 1));
    }
    Messages msg = msg(e);
    String newer = page.hasPrevious() ? filter.href(path, pageNumber - 1) : null;
    String older = page.hasNext() ? filter.href(path, pageNumber + 1) : null;
    Pager pager = page.pageCount() > 1
        ? new Pager(msg.format("pager.position", pageNumber, page.pageCount()), newer, older) : null;
    String title = pageNumber > 1 ? spec.heading + " (" + msg.format("pager.title_suffix", pageNumber) + ")" : spec.heading;
    String description = spec.intro != null && !spec.intro.isEmpty() ? spec.intro : spec.kicker + ": " + spec.heading;
    FeedLinks feeds = spec.feeds == null ? null
        : new FeedLinks(spec.feeds.title(), e.path(spec.feeds.rss()), e.path(spec.feeds.atom()));
    var layout = helpers.layout(e, e.language(), title, description, filter.href(path, pageNumber))
        .section(spec.section)
        .ogType(spec.ogType)
        .pages(newer, older)
        .feeds(feeds)
        .jsonLd(spec.jsonLd);
    if (!filter.isEmpty()) {
      // any number of combinations, each its own canonical address: for readers, not for search engines
      layout.noindex();
    }
    if (spec.ownLanguage) {
      // page N of a listing holds other pieces in each language: the versions of a listing are its first pages
      layout.languages(helpers.editions.switcher(other -> filter.href(other.path(spec.path), 1)));
      if (pageNumber == 1 && filter.isEmpty()) {
        layout.alternates(helpers.editions.alternates(other -> other.path(spec.path)));
      }
    }
    ListingPage view = new ListingPage(spec.kicker, spec.heading, spec.intro, spec.profile, spec.breadcrumbs,
        spec.related, spec.relatedLabel, helpers.cards(page.items(), e), pager, feeds, spec.expert,
        spec.filter == null ? null : filtered.panel(e, path, filter, page.total() == 0));
    return new View(200, "site/listing.jte", layout.build(), view);
  }

}
