package org.thinkpress.site;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.Expert;
import org.thinkpress.content.Listing;
import org.thinkpress.content.Publication;
import org.thinkpress.content.Region;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.Topic;
import org.thinkpress.kit.FeedText;
import org.thinkpress.kit.Messages;
import org.thinkpress.kit.SiteIdentity;
import org.thinkpress.kit.Urls;

/**
 * RSS 2.0 and Atom 1.0 feeds of the newest publications: of the whole site, and of each topic,
 * region (with its sub-regions) and expert. Written by Rome; each entry carries the standfirst as
 * its summary and the full body, with links made absolute, as its content. Titles, descriptions
 * and summaries are text written as HTML ({@link FeedText}); the body is the sanitized HTML.
 */
final class Feeds {

  /** How many entries a feed holds. */
  static final int ENTRIES = 20;

  enum Format {
    RSS("rss_2.0", "application/rss+xml; charset=utf-8"),
    ATOM("atom_1.0", "application/atom+xml; charset=utf-8");

    final String romeType;
    final String contentType;

    Format(String romeType, String contentType) {
      this.romeType = romeType;
      this.contentType = contentType;
    }
  }

  private final ViewHelpers helpers;

  Feeds(ViewHelpers helpers) {
    this.helpers = helpers;
  }

  String site(Edition e, Format format) {
    Messages msg = Messages.of(e.language());
    return write(e, format, msg.get("feed.site_title"), helpers.identity().description(), "", Listing.all());
  }

  String topic(Edition e, String slug, Format format) {
    Topic topic = helpers.reader.taxonomy().topic(slug).orElseThrow(() -> new ContentNotFoundException("topic", slug));
    return write(e, format, topic.nameIn(e.language()), topic.description(), Urls.topic(slug),
        Listing.topic(topic.id()));
  }

  String region(Edition e, String slug, Format format) {
    Taxonomy taxonomy = helpers.reader.taxonomy();
    Region region = taxonomy.region(slug).orElseThrow(() -> new ContentNotFoundException("region", slug));
    return write(e, format, region.nameIn(e.language()), "", Urls.region(slug),
        Listing.regions(taxonomy.selfAndDescendants(region)));
  }

  String expert(Edition e, String slug, Format format) {
    Expert expert = helpers.reader.taxonomy().expert(slug).orElseThrow(() -> new ContentNotFoundException("expert", slug));
    return write(e, format, expert.nameIn(e.language()), expert.role(), Urls.expert(slug),
        Listing.expert(expert.id()));
  }

  private String write(Edition e, Format format, String title, String description, String basePath, Listing base) {
    SiteIdentity identity = helpers.identity();
    String listingPath = basePath.isEmpty() ? "" : e.path(basePath);
    String feedPath = e.path(format == Format.RSS ? Urls.rss(basePath) : Urls.atom(basePath));
    Listing listing = helpers.editions.listing(e, base);
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(format.romeType);
    feed.setTitleEx(FeedText.content(listingPath.isEmpty() ? identity.name() : title + " | " + identity.name()));
    feed.setDescriptionEx(FeedText.content(description == null || description.isBlank() ? identity.description()
        : description));
    feed.setLink(helpers.config.absolute(listingPath.isEmpty() ? e.home() : listingPath));
    feed.setUri(helpers.config.absolute(feedPath));
    feed.setLanguage(e.language());
    SyndLink self = new SyndLinkImpl();
    self.setRel("self");
    self.setHref(helpers.config.absolute(feedPath));
    self.setType(format.contentType.substring(0, format.contentType.indexOf(';')));
    SyndLink alternate = new SyndLinkImpl();
    alternate.setRel("alternate");
    alternate.setType("text/html");
    alternate.setHref(feed.getLink());
    feed.setLinks(List.of(alternate, self));
    List<Publication> publications = helpers.reader.latestWithBodies(listing, ENTRIES);
    Date updated = new Date(helpers.reader.version().changedAtMillis());
    if (!publications.isEmpty()) {
      updated = Date.from(publications.stream().map(Publication::lastRevisedAt).max(Instant::compareTo).orElseThrow());
    }
    feed.setPublishedDate(updated);
    Taxonomy taxonomy = helpers.reader.taxonomy();
    List<SyndEntry> entries = new ArrayList<>();
    for (Publication publication : publications) {
      entries.add(entry(publication, taxonomy));
    }
    feed.setEntries(entries);
    try {
      return FeedText.write(feed);
    } catch (FeedException failure) {
      throw new IllegalStateException("Cannot write the " + format + " feed " + feedPath, failure);
    }
  }

  private SyndEntry entry(Publication publication, Taxonomy taxonomy) {
    String url = helpers.config.absolute(Urls.publication(publication.slug()));
    SyndEntry entry = new SyndEntryImpl();
    entry.setTitleEx(FeedText.content(publication.title()));
    entry.setLink(url);
    entry.setUri(url);
    entry.setPublishedDate(Date.from(publication.publishedAt()));
    entry.setUpdatedDate(Date.from(publication.lastRevisedAt()));
    List<SyndPerson> authors = new ArrayList<>();
    for (Expert expert : taxonomy.experts(publication.expertIds())) {
      SyndPerson author = new SyndPersonImpl();
      author.setName(expert.nameIn(publication.language()));
      author.setUri(helpers.config.absolute(helpers.editions.forLanguage(publication.language()).path(Urls.expert(expert.slug()))));
      authors.add(author);
    }
    entry.setAuthors(authors);
    List<SyndCategory> categories = new ArrayList<>();
    for (Topic topic : taxonomy.topics(publication.topicIds())) {
      SyndCategory category = new SyndCategoryImpl();
      category.setName(topic.nameIn(publication.language()));
      categories.add(category);
    }
    entry.setCategories(categories);
    entry.setDescription(FeedText.content(publication.standfirst()));
    SyndContent content = new SyndContentImpl();
    content.setType("html");
    content.setValue(absoluteLinks(publication.bodyHtml()));
    entry.setContents(List.of(content));
    return entry;
  }

  /** Feed readers show content away from the site: site-relative links must name the site. */
  private String absoluteLinks(String html) {
    Document document = Jsoup.parseBodyFragment(html, helpers.config.absolute("/"));
    document.outputSettings().prettyPrint(false);
    for (Element link : document.select("a[href]")) {
      link.attr("href", link.absUrl("href"));
    }
    for (Element image : document.select("img[src]")) {
      image.attr("src", image.absUrl("src"));
    }
    return document.body().html();
  }
}
