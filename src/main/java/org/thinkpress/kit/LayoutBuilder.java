package org.thinkpress.kit;

import java.util.ArrayList;
import java.util.List;
import org.thinkpress.kit.Views.FeedLinks;
import org.thinkpress.kit.Views.LanguageLink;
import org.thinkpress.kit.Views.Layout;
import org.thinkpress.kit.Views.Link;
import org.thinkpress.kit.Views.MetaName;
import org.thinkpress.kit.Views.MetaProperty;

/**
 * Builds the {@link Layout} of one page: the required parts in the constructor, the rest by name.
 * {@code language} is the page's BCP 47 tag; {@code msg} may be a broader language's messages.
 */
public final class LayoutBuilder {

  private final SiteIdentity identity;
  private final Messages msg;
  private final String language;
  private final String title;
  private final String description;
  private final String canonical;
  private final List<Link> footerTopics;
  private List<LanguageLink> languages;
  private String prefix = "";
  private final String stylesheet;
  private String ogType = "website";
  private final List<MetaProperty> metaProperties = new ArrayList<>();
  private final List<MetaName> metaNames = new ArrayList<>();
  private List<LanguageLink> alternates = List.of();
  private FeedLinks feeds;
  private String jsonLd;
  private boolean noindex;
  private String prevHref;
  private String nextHref;
  private String section;
  private String imageUrl;

  public LayoutBuilder(SiteIdentity identity, Messages msg, String language, String title, String description,
                String canonical, List<Link> footerTopics, List<LanguageLink> languages, String stylesheet) {
    this.identity = identity;
    this.msg = msg;
    this.language = language;
    this.title = title;
    this.description = description;
    this.canonical = canonical;
    this.footerTopics = footerTopics;
    this.languages = languages;
    this.stylesheet = stylesheet;
  }

  public LayoutBuilder ogType(String value) {
    ogType = value;
    return this;
  }

  /** Adds an OpenGraph property such as {@code article:published_time}. */
  public LayoutBuilder metaProperty(String property, String content) {
    metaProperties.add(new MetaProperty(property, content));
    return this;
  }

  /** Adds a named meta tag such as {@code citation_author}. */
  public LayoutBuilder metaName(String name, String content) {
    metaNames.add(new MetaName(name, content));
    return this;
  }

  public LayoutBuilder alternates(List<LanguageLink> value) {
    alternates = value;
    return this;
  }

  /** The language switcher: this page in each of the site's languages (see {@link Layout}). */
  public LayoutBuilder languages(List<LanguageLink> value) {
    languages = value;
    return this;
  }

  /** The start of the navigation's links: {@code ""}, or an edition's {@code /TAG}. */
  public LayoutBuilder prefix(String value) {
    prefix = value;
    return this;
  }

  public LayoutBuilder feeds(FeedLinks value) {
    feeds = value;
    return this;
  }

  public LayoutBuilder jsonLd(String value) {
    jsonLd = value;
    return this;
  }

  public LayoutBuilder noindex() {
    noindex = true;
    return this;
  }

  public LayoutBuilder pages(String previous, String next) {
    prevHref = previous;
    nextHref = next;
    return this;
  }

  public LayoutBuilder section(String value) {
    section = value;
    return this;
  }

  /**
   * The page's picture for social cards: {@code og:image} (an absolute URL) with its size and
   * description, and the large Twitter card with {@code twitter:image}.
   */
  public LayoutBuilder image(String absoluteUrl, int width, int height, String alt) {
    imageUrl = absoluteUrl;
    metaProperty("og:image", absoluteUrl);
    metaProperty("og:image:width", Integer.toString(width));
    metaProperty("og:image:height", Integer.toString(height));
    if (alt != null && !alt.isEmpty()) {
      metaProperty("og:image:alt", alt);
    }
    return this;
  }

  public Layout build() {
    return new Layout(identity.name(), identity.description(), msg, language, title, description, canonical, ogType,
        imageUrl, List.copyOf(metaProperties), List.copyOf(metaNames), alternates, feeds, jsonLd, noindex, prevHref, nextHref, section, footerTopics, languages, stylesheet, prefix, identity.postalAddress());
  }
}
