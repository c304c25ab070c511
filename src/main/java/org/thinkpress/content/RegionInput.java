package org.thinkpress.content;

import java.util.Map;

/**
 * A region as an editor writes one. Regions form a hierarchy (South Caucasus &gt; Armenia): a
 * region's page lists the pieces about it and about all the regions below it.
 *
 * @param slug the region's slug, used in {@code /regions/SLUG}
 * @param name the name in the site's main language
 * @param names the name in other languages, by language tag
 * @param parentSlug the slug of the region it belongs to, or {@code null} for a top-level one
 */
public record RegionInput(String slug, String name, Map<String, String> names, String parentSlug) {

  public RegionInput {
    Slugs.require("region slug", slug);
    name = Texts.requireLine("name of region '" + slug + "'", name, 200);
    names = Texts.requireNames("names of region '" + slug + "'", names);
    if (parentSlug != null) {
      Slugs.require("parent of region '" + slug + "'", parentSlug);
      if (parentSlug.equals(slug)) {
        throw new InvalidContentException("region '" + slug + "' cannot be its own parent");
      }
    }
  }
}
