package org.thinkpress.content;

import java.util.Map;

/**
 * A topic as an editor writes one.
 *
 * @param slug the topic's slug, used in {@code /topics/SLUG}
 * @param name the name in the site's main language
 * @param names the name in other languages, by language tag
 * @param description one or two sentences shown on the topic's page
 */
public record TopicInput(String slug, String name, Map<String, String> names, String description) {

  public TopicInput {
    Slugs.require("topic slug", slug);
    name = Texts.requireLine("name of topic '" + slug + "'", name, 200);
    names = Texts.requireNames("names of topic '" + slug + "'", names);
    description = Texts.optionalText("description of topic '" + slug + "'", description, 1000);
  }
}
