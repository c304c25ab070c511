package org.thinkpress.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.Languages;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.kit.Messages;
import org.thinkpress.kit.RenderedPage;
import org.thinkpress.kit.SiteFrame;
import org.thinkpress.kit.Views.Card;
import org.thinkpress.kit.Views.Layout;
import org.thinkpress.kit.Views.Link;
import org.thinkpress.search.SearchResults.Facet;
import org.thinkpress.search.SearchResults.FacetValue;
import org.thinkpress.search.SearchViews.FacetGroup;
import org.thinkpress.search.SearchViews.FacetLink;
import org.thinkpress.search.SearchViews.OrderLink;
import org.thinkpress.search.SearchViews.Result;
import org.thinkpress.search.SearchViews.SearchPage;

/**
 * The search page in the site's design ({@code search/page.jte} inside {@code kit/layout.jte}),
 * the suggestions for search as you type (JSON), and the feed of a search (through
 * {@link SearchFeed}). Search pages are {@code noindex}: their content is the site's, already
 * indexed at its own address.
 */
final class SearchPages {

  static final String PATH = "/search";
  static final String SUGGEST_PATH = "/search/suggest";
  static final String FEED_PATH = "/search/feed";
  static final int SUGGESTIONS = 6;
  /** How many values of a dimension the page lists; the most frequent ones. */
  static final int FACET_VALUES_SHOWN = 12;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
      SearchPages.class.getClassLoader(), "org.thinkpress.templates");

  private final Search search;
  private final SiteFrame site;
  private final ContentReader reader;
  private final String scriptUrl;
  private final SearchFeed feeds;

  SearchPages(Search search, SiteFrame site, ContentReader reader, String scriptUrl) {
    this.search = search;
    this.site = site;
    this.reader = reader;
    this.scriptUrl = scriptUrl;
    this.feeds = new SearchFeed(site.config(), reader);
  }

  private String language() {
    return site.config().language();
  }

  RenderedPage page(SearchRequest request) {
    long version = reader.version().current();
    Messages msg = Messages.of(language());
    SearchResults results = search.search(request);
    SearchRequest shown = request.withPage(results.page());
    boolean blank = results.queryText().isEmpty();
    String heading = blank ? msg.get("search.heading") : msg.format("search.results_for", results.queryText());
    String title = blank ? msg.get("search.title") : msg.get("search.title") + ": " + results.queryText();
    if (results.page() > 1) {
      title += " (" + msg.format("pager.title_suffix", results.page()) + ")";
    }
    String summary = blank && !request.hasFilters() ? msg.format("search.count_all", results.total())
        : msg.format("search.count", results.total());
    String previous = results.page() > 1 ? shown.withPage(results.page() - 1).toUrl(PATH) : null;
    String next = results.page() < results.pageCount() ? shown.withPage(results.page() + 1).toUrl(PATH) : null;
    String position = results.pageCount() > 1 ? msg.format("pager.position", results.page(), results.pageCount()) : null;
    String feed = new SearchRequest(request.query(), request.filters(), false, 1).toUrl(FEED_PATH);
    Layout layout = site.layout(title, summary, shown.toUrl(PATH), "search",
        new org.thinkpress.kit.Views.FeedLinks(msg.format("search.feed_title", results.queryText()),
            feed + (feed.contains("?") ? "&" : "?") + "format=rss", feed),
        previous, next, true);
    List<Result> hits = new ArrayList<>();
    for (SearchResults.Hit hit : results.hits()) {
      hits.add(new Result(site.card(hit.summary()), hit.snippet()));
    }
    SearchPage page = new SearchPage(heading, results.queryText(), hidden(request), summary, hits,
        facets(results, shown, msg), removals(shown, msg), orders(shown, msg), position, previous, next, feed, scriptUrl,
        msg.get("search.empty"));
    Utf8ByteOutput output = new Utf8ByteOutput(16 * 1024);
    TEMPLATES.render("search/page.jte", Map.of("layout", layout, "page", page), output);
    return RenderedPage.of(200, "text/html; charset=utf-8", output.toByteArray(), 0, version);
  }

  /** The filters and order as hidden fields, so that a new query from the page's box keeps them. */
  private static List<Link> hidden(SearchRequest request) {
    List<Link> hidden = new ArrayList<>();
    request.filters().forEach((dim, values) -> values.forEach(value -> hidden.add(new Link(dim, value))));
    if (request.byDate()) {
      hidden.add(new Link("sort", "date"));
    }
    return hidden;
  }

  private List<FacetGroup> facets(SearchResults results, SearchRequest request, Messages msg) {
    Taxonomy taxonomy = reader.taxonomy();
    List<FacetGroup> groups = new ArrayList<>();
    for (Facet facet : results.facets()) {
      List<FacetValue> values = new ArrayList<>(facet.values());
      if (facet.dimension().equals(Fields.YEAR_DIM)) {
        values.sort(Comparator.comparing(FacetValue::value).reversed());
      }
      List<FacetLink> links = new ArrayList<>();
      for (FacetValue value : values) {
        if (links.size() >= FACET_VALUES_SHOWN && !value.selected()) {
          continue;
        }
        String label = label(facet.dimension(), value.value(), taxonomy, msg);
        String language = facet.dimension().equals(Fields.LANGUAGE_DIM) ? value.value() : null;
        links.add(new FacetLink(request.toggle(facet.dimension(), value.value()).toUrl(PATH), label,
            Long.toString(value.count()), value.selected(), language));
      }
      if (!links.isEmpty()) {
        groups.add(new FacetGroup("facet-" + facet.dimension(), msg.get("search.facet." + facet.dimension()), links));
      }
    }
    return groups;
  }

  private List<Link> removals(SearchRequest request, Messages msg) {
    Taxonomy taxonomy = reader.taxonomy();
    List<Link> removals = new ArrayList<>();
    request.filters().forEach((dim, values) -> values.forEach(value -> removals.add(new Link(
        request.toggle(dim, value).toUrl(PATH),
        msg.get("search.facet." + dim) + ": " + label(dim, value, taxonomy, msg)))));
    return removals;
  }

  private static List<OrderLink> orders(SearchRequest request, Messages msg) {
    return List.of(
        new OrderLink(request.byDate() ? request.withOrder(false).toUrl(PATH) : null, msg.get("search.by_relevance")),
        new OrderLink(request.byDate() ? null : request.withOrder(true).toUrl(PATH), msg.get("search.by_date")));
  }

  private String label(String dim, String value, Taxonomy taxonomy, Messages msg) {
    String language = language();
    return switch (dim) {
      case Fields.TOPIC_DIM -> taxonomy.topic(value).map(t -> t.nameIn(language)).orElse(value);
      case Fields.REGION_DIM -> taxonomy.region(value).map(r -> r.nameIn(language)).orElse(value);
      case Fields.EXPERT_DIM -> taxonomy.expert(value).map(e -> e.nameIn(language)).orElse(value);
      case Fields.TYPE_DIM -> msg.typeLabel(value);
      case Fields.LANGUAGE_DIM -> Languages.nativeName(value);
      default -> value;
    };
  }

  /** Suggestions for search as you type: {@code {"suggestions": [{"title", "url", "meta"}]}}. */
  RenderedPage suggestions(String text) {
    long version = reader.version().current();
    List<Map<String, String>> suggestions = new ArrayList<>();
    for (PublicationSummary summary : search.suggest(text == null ? "" : text, SUGGESTIONS)) {
      Card card = site.card(summary);
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("title", card.title());
      entry.put("url", card.href());
      entry.put("meta", card.type().label() + " · " + card.published().display());
      entry.put("language", summary.language());
      suggestions.add(entry);
    }
    try {
      byte[] body = JSON.writeValueAsBytes(Map.of("suggestions", suggestions));
      return RenderedPage.of(200, "application/json; charset=utf-8", body, 0, version);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write suggestions as JSON", e);
    }
  }

  RenderedPage feed(SearchRequest request, boolean atom) {
    long version = reader.version().current();
    List<SearchResults.Hit> hits = search.newest(request, SearchFeed.ENTRIES);
    String body = feeds.write(request, UserQuery.parse(request.query()).text(), hits, atom);
    return RenderedPage.of(200, atom ? SearchFeed.ATOM : SearchFeed.RSS, body.getBytes(StandardCharsets.UTF_8), 0,
        version);
  }
}
