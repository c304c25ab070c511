package org.thinkpress.imports;

import java.util.Map;

/**
 * A person who wrote on the old site, as its export describes them.
 *
 * @param id the export's own key for them: WordPress's {@code author_login} (what items name),
 *     Ghost's user id
 * @param login the login or Ghost slug, or {@code ""}
 * @param email the address, or {@code ""}
 * @param name the display name
 * @param slug the name in the old author URL ({@code /author/SLUG/}), or {@code ""}
 * @param bio a short biography, plain text or simple HTML, or {@code ""}
 * @param photoUrl the portrait's absolute URL, or {@code ""}
 * @param links profiles by kind ({@code website}, {@code twitter}, {@code facebook}, {@code linkedin}...), absolute URLs
 */
record SourceAuthor(String id, String login, String email, String name, String slug, String bio, String photoUrl,
                    Map<String, String> links) {

  SourceAuthor {
    links = Map.copyOf(links);
  }
}
