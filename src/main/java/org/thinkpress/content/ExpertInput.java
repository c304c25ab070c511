package org.thinkpress.content;

import static java.util.Objects.requireNonNullElse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
 * @param expertise areas of expertise, short phrases ("Energy security", "EU–Armenia relations"), in the order shown
 * @param languages the languages the expert speaks, as BCP 47 tags ({@code en}, {@code ru}, {@code hy}), in the order shown
 * @param mediaContact where journalists reach the expert for press requests: an email address or a phone
 *     number ({@code +374 10 123456}), or {@code ""}
 */
public record ExpertInput(
    String slug, String name, Map<String, String> names, String role, String affiliation,
    String bioMarkdown, String photoUrl, Map<String, String> links,
    List<String> expertise, List<String> languages, String mediaContact) {

  /** The most profile links an expert shows. */
  public static final int MAX_LINKS = 12;
  /** The most areas of expertise, and the longest one. */
  public static final int MAX_EXPERTISE = 20;
  public static final int MAX_EXPERTISE_LENGTH = 100;
  /** The most languages spoken. */
  public static final int MAX_LANGUAGES = 12;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{4,30}[0-9]");

  public ExpertInput {
    Slugs.require("expert slug", slug);
    name = Texts.requireLine("name of expert '" + slug + "'", name, 200);
    names = Texts.requireNames("names of expert '" + slug + "'", names);
    role = Texts.optionalLine("role of expert '" + slug + "'", role, 200);
    affiliation = Texts.optionalLine("affiliation of expert '" + slug + "'", affiliation, 200);
    bioMarkdown = requireNonNullElse(bioMarkdown, "").strip();
    photoUrl = Texts.optionalUrl("photo of expert '" + slug + "'", photoUrl);
    links = checkLinks(slug, links);
    expertise = checkExpertise(slug, expertise);
    languages = checkLanguages(slug, languages);
    mediaContact = checkMediaContact(slug, mediaContact);
  }

  /** An expert without areas of expertise, languages or a media contact. */
  public ExpertInput(String slug, String name, Map<String, String> names, String role, String affiliation,
      String bioMarkdown, String photoUrl, Map<String, String> links) {
    this(slug, name, names, role, affiliation, bioMarkdown, photoUrl, links, List.of(), List.of(), "");
  }

  /** An expert without profile links. */
  public ExpertInput(String slug, String name, Map<String, String> names, String role, String affiliation,
      String bioMarkdown, String photoUrl) {
    this(slug, name, names, role, affiliation, bioMarkdown, photoUrl, Map.of());
  }

  /** Whether the media contact is an email address (else a phone number). */
  public static boolean isEmail(String contact) {
    return contact.contains("@");
  }

  private static List<String> checkExpertise(String slug, List<String> expertise) {
    if (expertise == null || expertise.isEmpty()) {
      return List.of();
    }
    List<String> kept = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String area : expertise) {
      String line = Texts.requireLine("area of expertise of expert '" + slug + "'", area, MAX_EXPERTISE_LENGTH);
      if (seen.add(line.toLowerCase(Locale.ROOT))) {
        kept.add(line);
      }
    }
    if (kept.size() > MAX_EXPERTISE) {
      throw new InvalidContentException("expert '" + slug + "' has " + kept.size() + " areas of expertise; at most "
          + MAX_EXPERTISE);
    }
    return List.copyOf(kept);
  }

  private static List<String> checkLanguages(String slug, List<String> languages) {
    if (languages == null || languages.isEmpty()) {
      return List.of();
    }
    List<String> kept = new ArrayList<>();
    for (String tag : languages) {
      String canonical = Languages.require("language of expert '" + slug + "'", tag == null ? null : tag.strip());
      if (!kept.contains(canonical)) {
        kept.add(canonical);
      }
    }
    if (kept.size() > MAX_LANGUAGES) {
      throw new InvalidContentException("expert '" + slug + "' speaks " + kept.size() + " languages; at most "
          + MAX_LANGUAGES + " are shown");
    }
    return List.copyOf(kept);
  }

  private static String checkMediaContact(String slug, String contact) {
    String value = Texts.optionalLine("media contact of expert '" + slug + "'", contact, 254);
    if (value.isEmpty() || (isEmail(value) ? EMAIL : PHONE).matcher(value).matches()) {
      return value;
    }
    throw new InvalidContentException("media contact of expert '" + slug + "' '" + value
        + "' is neither an email address nor a phone number such as +374 10 123456");
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
