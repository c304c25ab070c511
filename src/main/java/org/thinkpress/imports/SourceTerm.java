package org.thinkpress.imports;

/**
 * A category, tag or other term of the old site.
 *
 * @param taxonomy {@code category} or {@code tag} (WordPress's {@code post_tag}, Ghost's tags), or the
 *     name of another WordPress taxonomy ({@code language}, {@code post_translations}, a custom one)
 * @param slug the term's slug as the source writes it, percent-decoded (may be Cyrillic or Armenian)
 * @param name the display name
 * @param parentSlug the parent term's slug, or {@code ""} for a top-level term
 * @param description the term's description, or {@code ""}
 * @param internal whether the old site hid it from readers (Ghost's {@code #internal} tags)
 */
record SourceTerm(String taxonomy, String slug, String name, String parentSlug, String description,
                  boolean internal) {

  static final String CATEGORY = "category";
  static final String TAG = "tag";
}
