package org.thinkpress.content;

import static java.util.Objects.requireNonNullElse;

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
 */
public record ExpertInput(
    String slug, String name, Map<String, String> names, String role, String affiliation,
    String bioMarkdown, String photoUrl) {

  public ExpertInput {
    Slugs.require("expert slug", slug);
    name = Texts.requireLine("name of expert '" + slug + "'", name, 200);
    names = Texts.requireNames("names of expert '" + slug + "'", names);
    role = Texts.optionalLine("role of expert '" + slug + "'", role, 200);
    affiliation = Texts.optionalLine("affiliation of expert '" + slug + "'", affiliation, 200);
    bioMarkdown = requireNonNullElse(bioMarkdown, "").strip();
    photoUrl = Texts.optionalUrl("photo of expert '" + slug + "'", photoUrl);
  }
}
