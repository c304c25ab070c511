package org.thinkpress.site;

/**
 * The site in one language: its home, listings and feeds, with the interface in that language.
 * The main language's edition has the plain addresses ({@code prefix} empty); another's are under
 * {@code /TAG} ({@code /ru/}, {@code /ru/publications}). Publication pages belong to no edition:
 * they keep their one address whatever the language.
 *
 * @param language the BCP 47 tag of the edition's language
 * @param prefix {@code ""} for the main edition, {@code /TAG} for the others
 */
record Edition(String language, String prefix) {

  static Edition main(String language) {
    return new Edition(language, "");
  }

  static Edition of(String language) {
    return new Edition(language, "/" + language);
  }

  boolean isMain() {
    return prefix.isEmpty();
  }

  /** A site path in this edition: {@code /publications} is {@code /ru/publications}, {@code /} is {@code /ru/}. */
  String path(String sitePath) {
    if (isMain()) {
      return sitePath;
    }
    return sitePath.equals("/") ? prefix + "/" : prefix + sitePath;
  }

  /** The edition's home page. */
  String home() {
    return path("/");
  }
}
