package org.thinkpress.kit;

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

  /** The feeds of a page. */
  public record FeedLinks(String title, String rss, String atom) {}

  /**
   * A publication in a list. {@code language} is set only when it differs from the page's;
   * {@code image} is its featured image, or null.
   */
  public record Card(String href, String title, String standfirst, Link type, List<Link> experts, DateText published,
                     String readingTime, String language, String languageName, Image image) {

    /** A card without an image. */
    public Card(String href, String title, String standfirst, Link type, List<Link> experts, DateText published,
                String readingTime, String language, String languageName) {
      this(href, title, standfirst, type, experts, published, readingTime, language, languageName, null);
    }
  }

  /** An expert with a profile: in a byline's "about the authors" and on their own page. */
  /**
   * An expert as pages show them; {@code links} are their profiles elsewhere, labelled by kind;
   * {@code photo} their uploaded photo with its variants, or null (then {@code initials} stand in).
   */
  public record Profile(String href, String name, String role, String affiliation, String photoUrl, String bioHtml,
                        List<Link> links, Image photo) {

    /** A profile whose photo, if any, is shown from its address alone. */
    public Profile(String href, String name, String role, String affiliation, String photoUrl, String bioHtml,
                   List<Link> links) {
      this(href, name, role, affiliation, photoUrl, bioHtml, links, null);
    }

    /** Up to two capital letters of the name, shown when there is no photo. */
    public String initials() {
      StringBuilder initials = new StringBuilder();
      for (String word : name.strip().split("\\s+")) {
        if (!word.isEmpty() && initials.length() < 2) {
          initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
        }
      }
      return initials.toString();
    }
  }

  /**
   * An uploaded image as pages show it ({@code kit/picture.jte}), built by {@code media.Images}:
   * {@code src} and {@code srcset} are the JPEG or PNG variants ({@code type} says which),
   * {@code webpSrcset} the WebP ones (empty when there are none: a GIF, an upload older than
   * variants, then {@code src} is the original); {@code width} and {@code height} the original's
   * pixels, so that the page keeps its place before the image arrives; {@code largest} the URL of
   * the widest JPEG or PNG and its size, for social cards. {@code caption} and {@code credit} may be
   * empty.
   */
  public record Image(String src, int width, int height, String alt, String webpSrcset, String srcset, String type,
                      String caption, String credit, String largest, int largestWidth, int largestHeight) {

    /** The same image with another alternative text, caption and credit. */
    public Image described(String newAlt, String newCaption, String newCredit) {
      return new Image(src, width, height, newAlt, webpSrcset, srcset, type, newCaption, newCredit, largest, largestWidth,
          largestHeight);
    }
  }

  /** Links to the neighbouring pages of a paginated listing. */
  public record Pager(String position, String newerHref, String olderHref) {}

  /** A {@code <meta property=... content=...>} tag of the OpenGraph vocabulary. */
  public record MetaProperty(String property, String content) {}

  /** A {@code <meta name=... content=...>} tag, such as Highwire Press's {@code citation_title}. */
  public record MetaName(String name, String content) {}

  /**
   * What every page shares: the site's name and navigation, and the page's head. {@code languages}
   * is the language switcher: this page in each language the site has, the one whose
   * {@code language} is the layout's own being the current one; {@code prefix} is what the
   * navigation's links start with: {@code ""} in the main language, {@code /ru} in Russian's edition.
   */
  public record Layout(String siteName, String siteDescription, Messages msg, String language, String title,
                       String description, String canonical, String ogType, String imageUrl,
                       List<MetaProperty> metaProperties, List<MetaName> metaNames,
                       List<LanguageLink> alternates, FeedLinks feeds, String jsonLd, boolean noindex,
                       String prevHref, String nextHref, String section, List<Link> footerTopics,
                       List<LanguageLink> languages, String stylesheet, String prefix, List<String> postalAddress) {}

}
