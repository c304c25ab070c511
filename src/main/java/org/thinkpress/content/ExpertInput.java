package org.thinkpress.content;

import static java.util.Objects.requireNonNullElse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An expert as an editor writes one: the fields of an expert file or form.
 *
 * @param slug the expert's slug, used in {@code /experts/SLUG}
 * @param name the name as written in the site's main language
 * @param names the name written in other languages or scripts, by language tag
 * @param role the position held, e.g. "Senior Fellow, Security Programme"
 * @param affiliation the organisation, e.g. "The Meridian Institute"
 * @param bioMarkdown a short biography in Markdown
 * @param photoUrl an absolute or site-relative URL of a portrait, or {@code null}
 * @param links profiles elsewhere by kind ({@code website}, {@code x}, {@code linkedin}...), in the order shown
 */
public record ExpertInput(
    String slug, String name, Map<String, String> names, String role, String affiliation,
    String bioMarkdown, String photoUrl, Map<String, String> links) {

  /** The most profile links an expert shows. */
  public static final int MAX_LINKS = 12;

  public ExpertInput {
    Slugs.require("expert slug", slug);
    name = Texts.requireLine("name of expert '" + slug + "'", name, 200);
    names = Texts.requireNames("names of expert '" + slug + "'", names);
    role = Texts.optionalLine("role of expert '" + slug + "'", role, 200);
    affiliation = Texts.optionalLine("affiliation of expert '" + slug + "'", affiliation, 200);
    bioMarkdown = requireNonNullElse(bioMarkdown, "").strip();
    photoUrl = Texts.optionalUrl("photo of expert '" + slug + "'", photoUrl);
    links = checkLinks(slug, links);
  }

  /** An expert without profile links. */
  public ExpertInput(String slug, String name, Map<String, String> names, String role, String affiliation,
      String bioMarkdown, String photoUrl) {
    this(slug, name, names, role, affiliation, bioMarkdown, photoUrl, Map.of());
  }

  private static Map<String, String> checkLinks(String slug, Map<String, String> links) {
    if (links == null || links.isEmpty()) {
      return Map.of();
    }
    if (links.size() > MAX_LINKS) {
      throw new InvalidContentException("expert '" + slug + "' has " + links.size() + " links; at most " + MAX_LINKS);
    }
    Map<String, String> checked = new LinkedHashMap<>();
    links.forEach((kind, url) -> {
      Slugs.require("kind of a link of expert '" + slug + "'", kind);
      String field = kind + " link of expert '" + slug + "'";
      String clean = Texts.optionalUrl(field, url);
      if (clean == null || clean.startsWith("/")) {
        throw new InvalidContentException(field + " must be an http(s) URL");
      }
      checked.put(kind, clean);
    });
    return Collections.unmodifiableMap(checked);
  }
}
