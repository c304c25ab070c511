package org.thinkpress.imports;

/**
 * What a body's URLs become: the importer knows which old URLs are imported pieces (their new
 * address), which are media it brought in (their {@code /media/} address), and which it could not have.
 */
@FunctionalInterface
interface BodyLinks {

  /** What to write instead of one URL. */
  record Rewrite(Kind kind, String url) {
    enum Kind {
      /** Leave the URL as it is (another site, an anchor, a mail link). */
      KEEP,
      /** Write {@link #url()} instead. */
      REPLACE,
      /** A file of the old site that could not be brought in: show a visible placeholder, never a dead link. */
      MISSING
    }

    static final Rewrite KEEP_IT = new Rewrite(Kind.KEEP, null);

    static Rewrite to(String url) {
      return new Rewrite(Kind.REPLACE, url);
    }

    static final Rewrite MISSING_FILE = new Rewrite(Kind.MISSING, null);
  }

  /**
   * @param url the URL as the body uses it, made absolute against the old site's address
   * @param embedded whether the body shows it (an image's or a video's source) rather than links to it
   */
  Rewrite rewrite(String url, boolean embedded);

  /** Every URL stays as it is. */
  BodyLinks UNCHANGED = (url, embedded) -> Rewrite.KEEP_IT;
}
