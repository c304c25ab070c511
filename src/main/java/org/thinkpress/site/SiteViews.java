package org.thinkpress.site;

import java.util.List;
import org.thinkpress.kit.Views.Card;
import org.thinkpress.kit.Views.DateText;
import org.thinkpress.kit.Views.FeedLinks;
import org.thinkpress.kit.Views.LanguageLink;
import org.thinkpress.kit.Views.Link;
import org.thinkpress.kit.Views.Pager;
import org.thinkpress.kit.Views.Image;
import org.thinkpress.kit.Views.Profile;

/**
 * The view models of the public pages themselves (home, publication, listings, indexes, errors);
 * what every feature's pages share is in {@link org.thinkpress.kit.Views}.
 */
public final class SiteViews {

  private SiteViews() {}

  /** A region with the regions below it, for navigation. */
  public record RegionNode(Link link, List<Link> children) {}

  /** A heading in a table of contents. */
  public record TocItem(String href, String text, boolean subsection) {}

  /** An entry of an index page (topics, regions, experts, years). */
  public record IndexEntry(String href, String label, String description, String count, int depth, String photoUrl,
                           String language) {}

  public record HomePage(Card featured, List<Card> latest, List<Link> topics, List<RegionNode> regions,
                         List<Profile> experts) {}

  public record PublicationPage(String title, String standfirst, Link type, List<Link> byline, DateText published,
                                DateText updated, String readingTime, List<TocItem> toc, String bodyHtml,
                                List<Link> topics, List<Link> regions, List<Link> keywords, List<LanguageLink> translations,
                                List<Profile> experts, List<Card> otherMaterials, boolean archived, Image image) {}

  public record ListingPage(String kicker, String heading, String intro, Profile profile, List<Link> breadcrumbs,
                            List<Link> related, String relatedLabel, List<Card> cards, Pager pager,
                            FeedLinks feeds) {}

  public record IndexPage(String heading, String intro, List<IndexEntry> entries) {}

  public record ErrorPage(int status, String heading, String text) {}
}
