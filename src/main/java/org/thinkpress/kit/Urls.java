package org.thinkpress.kit;

/** The paths of the public site, in one place so that links and routes agree. */
public final class Urls {

  public static final String HOME = "/";
  public static final String PUBLICATIONS = "/publications";
  public static final String TOPICS = "/topics";
  public static final String REGIONS = "/regions";
  public static final String EXPERTS = "/experts";
  public static final String ARCHIVE = "/archive";
  public static final String FEED_RSS = "/feed.xml";
  public static final String FEED_ATOM = "/atom.xml";
  public static final String SITEMAP = "/sitemap.xml";

  private Urls() {}

  public static String publication(String slug) {
    return PUBLICATIONS + "/" + slug;
  }

  /** A site page (About, Contact...): at the root, {@code /about}. */
  public static String sitePage(String slug) {
    return "/" + slug;
  }

  /** A piece of any type: a site page at the root, a publication under {@link #PUBLICATIONS}. */
  public static String piece(String type, String slug) {
    return org.thinkpress.content.PublicationTypes.isPage(type) ? sitePage(slug) : publication(slug);
  }

  public static String topic(String slug) {
    return TOPICS + "/" + slug;
  }

  public static String region(String slug) {
    return REGIONS + "/" + slug;
  }

  public static String expert(String slug) {
    return EXPERTS + "/" + slug;
  }

  public static String type(String type) {
    return "/types/" + type;
  }

  public static String year(int year) {
    return ARCHIVE + "/" + year;
  }

  public static String language(String tag) {
    return "/languages/" + tag;
  }

  /** The RSS feed of a listing page such as {@code /topics/energy}. */
  public static String rss(String listing) {
    return listing + FEED_RSS;
  }

  /** The Atom feed of a listing page such as {@code /topics/energy}. */
  public static String atom(String listing) {
    return listing + FEED_ATOM;
  }

  /** Page {@code number} of a listing: page 1 is the listing's own URL, the others add {@code ?page=N}. */
  public static String page(String listing, int number) {
    return number <= 1 ? listing : listing + "?page=" + number;
  }
}
