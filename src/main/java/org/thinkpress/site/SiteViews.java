package org.thinkpress.site;

import org.thinkpress.research.Citations;
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
                                List<Profile> experts, List<Card> otherMaterials, boolean archived, Image image,
                                CiteThis cite) {}

  /** "Cite this": the piece in each citation style, and its citation files. */
  public record CiteThis(List<Citations.Styled> styles, List<Link> downloads) {}

  /**
   * A site page (About, Contact...): its own simple layout, no byline, no taxonomy, no other
   * materials.
   *
   * @param updated when it last changed for readers: its "updated" time, else its publication time
   */
  public record SitePage(String title, String standfirst, String bodyHtml, DateText updated,
                         List<LanguageLink> translations, boolean archived) {}

  /**
   * What an expert's page shows beside the biography.
   *
   * @param languages the languages spoken, by their names in the page's language
   * @param mediaContact a {@code mailto:} or {@code tel:} link for press requests, or {@code null}
   * @param social the expert's profiles elsewhere, labelled (Website, LinkedIn, X...)
   */
  public record ExpertFacts(List<String> expertise, List<String> languages, Link mediaContact, List<Link> social) {

    public boolean isEmpty() {
      return expertise.isEmpty() && languages.isEmpty() && mediaContact == null && social.isEmpty();
    }
  }

  /** @param expert on an expert's page, what it shows beside the biography; else {@code null} */
  public record ListingPage(String kicker, String heading, String intro, Profile profile, List<Link> breadcrumbs,
                            List<Link> related, String relatedLabel, List<Card> cards, Pager pager,
                            FeedLinks feeds, ExpertFacts expert, FilterPanel filters) {

    public ListingPage(String kicker, String heading, String intro, Profile profile, List<Link> breadcrumbs,
                       List<Link> related, String relatedLabel, List<Card> cards, Pager pager, FeedLinks feeds) {
      this(kicker, heading, intro, profile, breadcrumbs, related, relatedLabel, cards, pager, feeds, null, null);
    }
  }

  /**
   * The filter links of {@code /publications}: per dimension, the values that have pieces among the
   * other filters' (with their counts); a selected value links to the page without it.
   */
  public record FilterPanel(String heading, List<FilterGroup> groups, List<Link> removals, Link clear,
                            String emptyText) {}

  public record FilterGroup(String label, List<FilterOption> options) {}

  public record FilterOption(String href, String label, String count, boolean selected) {}

  public record IndexPage(String heading, String intro, List<IndexEntry> entries) {}

  public record ErrorPage(int status, String heading, String text) {}
}
