package org.thinkpress.site;

import java.util.List;

/**
 * The view models the templates render: plain, already formatted values, so that templates hold
 * no logic beyond loops and conditions. Built by {@link PageBuilder}; {@code *Html} fields are
 * sanitized HTML, everything else is escaped by jte.
 */
public final class Views {

  private Views() {}

  /** A link with its visible text. */
  public record Link(String href, String label) {}

  /** A link to a page in another language. */
  public record LanguageLink(String href, String label, String language) {}

  /** A date for machines ({@code 2025-03-14}) and for people ({@code 14 March 2025}). */
  public record DateText(String iso, String display) {}

  /** A region with the regions below it, for navigation. */
  public record RegionNode(Link link, List<Link> children) {}

  /** The feeds of a page. */
  public record FeedLinks(String title, String rss, String atom) {}

  /** A publication in a list. {@code language} is set only when it differs from the page's. */
  public record Card(String href, String title, String standfirst, Link type, List<Link> experts, DateText published,
                     String readingTime, String language, String languageName) {}

  /** An expert with a profile: in a byline's "about the authors" and on their own page. */
  public record Profile(String href, String name, String role, String affiliation, String photoUrl, String bioHtml) {}

  /** A heading in a table of contents. */
  public record TocItem(String href, String text, boolean subsection) {}

  /** Links to the neighbouring pages of a paginated listing. */
  public record Pager(String position, String newerHref, String olderHref) {}

  /** An entry of an index page (topics, regions, experts, years). */
  public record IndexEntry(String href, String label, String description, String count, int depth, String photoUrl,
                           String language) {}

  /** A {@code <meta property=... content=...>} tag of the OpenGraph vocabulary. */
  public record MetaProperty(String property, String content) {}

  /** What every page shares: the site's name and navigation, and the page's head. */
  public record Layout(String siteName, String siteDescription, Messages msg, String language, String title,
                       String description, String canonical, String ogType, String imageUrl,
                       List<MetaProperty> metaProperties,
                       List<LanguageLink> alternates, FeedLinks feeds, String jsonLd, boolean noindex,
                       String prevHref, String nextHref, String section, List<Link> footerTopics,
                       List<LanguageLink> languages, String stylesheet) {}

  public record HomePage(Card featured, List<Card> latest, List<Link> topics, List<RegionNode> regions,
                         List<Profile> experts) {}

  public record PublicationPage(String title, String standfirst, Link type, List<Link> byline, DateText published,
                                DateText updated, String readingTime, List<TocItem> toc, String bodyHtml,
                                List<Link> topics, List<Link> regions, List<LanguageLink> translations,
                                List<Profile> experts, List<Card> otherMaterials, boolean archived) {}

  public record ListingPage(String kicker, String heading, String intro, Profile profile, List<Link> breadcrumbs,
                            List<Link> related, String relatedLabel, List<Card> cards, Pager pager,
                            FeedLinks feeds) {}

  public record IndexPage(String heading, String intro, List<IndexEntry> entries) {}

  public record ErrorPage(int status, String heading, String text) {}
}
