package org.thinkpress.search;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.Expert;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.Topic;
import org.thinkpress.kit.FeedText;
import org.thinkpress.kit.Messages;
import org.thinkpress.kit.SiteConfig;
import org.thinkpress.kit.SiteIdentity;
import org.thinkpress.kit.Urls;

/**
 * The feed of a search, Atom 1.0 or RSS 2.0, written by Rome: the newest matching pieces, each
 * with its standfirst as summary, so a reader can follow what the institute publishes about a
 * subject. The query is the reader's own text: like every title and summary here, it is written as
 * HTML whose text it is ({@link FeedText}), so a feed reader shows it and runs nothing.
 */
final class SearchFeed {

  static final int ENTRIES = 20;
  static final String ATOM = "application/atom+xml; charset=utf-8";
  static final String RSS = "application/rss+xml; charset=utf-8";

  private final SiteConfig config;
  private final ContentReader reader;

  SearchFeed(SiteConfig config, ContentReader reader) {
    this.config = config;
    this.reader = reader;
  }

  String write(SearchRequest request, String queryText, List<SearchResults.Hit> hits, boolean atom) {
    Messages msg = Messages.of(config.language());
    String siteName = reader.settings().getOrDefault(SiteIdentity.NAME, "ThinkPress");
    SearchRequest plain = new SearchRequest(request.query(), request.filters(), false, 1);
    String pageUrl = config.absolute(plain.toUrl(SearchPages.PATH));
    String feedUrl = config.absolute(plain.toUrl(SearchPages.FEED_PATH));
    if (!atom) {
      feedUrl += (feedUrl.contains("?") ? "&" : "?") + "format=rss";
    }
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(atom ? "atom_1.0" : "rss_2.0");
    feed.setTitleEx(FeedText.content(msg.format("search.feed_title", queryText) + " | " + siteName));
    feed.setDescriptionEx(FeedText.content(msg.format("search.feed_title", queryText)));
    feed.setLink(pageUrl);
    feed.setUri(feedUrl);
    feed.setLanguage(config.language());
    SyndLink self = new SyndLinkImpl();
    self.setRel("self");
    self.setHref(feedUrl);
    self.setType((atom ? ATOM : RSS).substring(0, (atom ? ATOM : RSS).indexOf(';')));
    SyndLink alternate = new SyndLinkImpl();
    alternate.setRel("alternate");
    alternate.setType("text/html");
    alternate.setHref(pageUrl);
    feed.setLinks(List.of(alternate, self));
    Date updated = new Date(reader.version().changedAtMillis());
    if (!hits.isEmpty()) {
      updated = Date.from(hits.stream().map(h -> lastRevised(h.summary())).max(Date::compareTo).orElseThrow().toInstant());
    }
    feed.setPublishedDate(updated);
    Taxonomy taxonomy = reader.taxonomy();
    List<SyndEntry> entries = new ArrayList<>();
    for (SearchResults.Hit hit : hits) {
      entries.add(entry(hit.summary(), taxonomy));
    }
    feed.setEntries(entries);
    try {
      return FeedText.write(feed);
    } catch (FeedException e) {
      throw new IllegalStateException("Cannot write the feed of search " + feedUrl, e);
    }
  }

  private static Date lastRevised(PublicationSummary summary) {
    return Date.from(summary.updatedAt() != null ? summary.updatedAt() : summary.publishedAt());
  }

  private SyndEntry entry(PublicationSummary summary, Taxonomy taxonomy) {
    String url = config.absolute(Urls.piece(summary.type(), summary.slug()));
    SyndEntry entry = new SyndEntryImpl();
    entry.setTitleEx(FeedText.content(summary.title()));
    entry.setLink(url);
    entry.setUri(url);
    entry.setPublishedDate(Date.from(summary.publishedAt()));
    entry.setUpdatedDate(lastRevised(summary));
    List<SyndPerson> authors = new ArrayList<>();
    for (Expert expert : taxonomy.experts(summary.expertIds())) {
      SyndPerson author = new SyndPersonImpl();
      author.setName(expert.nameIn(summary.language()));
      author.setUri(config.absolute(Urls.expert(expert.slug())));
      authors.add(author);
    }
    entry.setAuthors(authors);
    List<SyndCategory> categories = new ArrayList<>();
    for (Topic topic : taxonomy.topics(summary.topicIds())) {
      SyndCategory category = new SyndCategoryImpl();
      category.setName(topic.nameIn(summary.language()));
      categories.add(category);
    }
    entry.setCategories(categories);
    entry.setDescription(FeedText.content(summary.standfirst()));
    return entry;
  }
}
