package org.thinkpress.subscribers;

import static java.util.Objects.requireNonNull;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.Languages;
import org.thinkpress.content.Region;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.Topic;
import org.thinkpress.kit.Messages;
import org.thinkpress.kit.SiteConfig;
import org.thinkpress.kit.Views.Layout;
import org.thinkpress.subscribers.SubscriberViews.Choice;
import org.thinkpress.subscribers.SubscriberViews.ChoiceSet;

/**
 * Renders the sign-up pages in the site's layout ({@code src/main/jte/subscribers/}). They speak
 * the site's main language, are never indexed, and are never cached (they carry tokens or answer
 * one person).
 */
final class SubscriberPages {

  private final ContentReader reader;
  private final SiteConfig site;
  private final SubscriberRoutes.Layouts layouts;
  private final MailingLists lists;
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
      SubscriberPages.class.getClassLoader(), "org.thinkpress.templates");

  SubscriberPages(ContentReader reader, SiteConfig site, SubscriberRoutes.Layouts layouts, MailingLists lists) {
    this.reader = requireNonNull(reader, "reader");
    this.site = requireNonNull(site, "site");
    this.layouts = requireNonNull(layouts, "layouts");
    this.lists = requireNonNull(lists, "lists");
  }

  Messages msg() {
    return Messages.of(site.language());
  }

  byte[] render(String template, String title, String path, Object page, boolean indexable) {
    Utf8ByteOutput output = new Utf8ByteOutput(16 * 1024);
    engine.render(template, Map.of("layout", layouts.layout(title, path, indexable), "page", page), output);
    return output.toByteArray();
  }

  /** The checkboxes of a form, ticked as {@code lists}, {@code topics} and {@code regions} say. */
  ChoiceSet choices(Collection<String> chosenLists, boolean everything, Collection<Long> topicIds,
                    Collection<Long> regionIds) {
    Messages msg = msg();
    Taxonomy taxonomy = reader.taxonomy();
    List<Choice> listChoices = new ArrayList<>();
    for (MailingList list : lists.all()) {
      listChoices.add(new Choice(list.key(), list.nameIn(msg), chosenLists.contains(list.key()),
          listHint(msg, list), 0));
    }
    List<Choice> topics = new ArrayList<>();
    for (Topic topic : taxonomy.topics()) {
      topics.add(new Choice(topic.slug(), topic.nameIn(msg.language()), topicIds.contains(topic.id()), null, 0));
    }
    List<Choice> regions = new ArrayList<>();
    for (Region region : taxonomy.regions()) {
      int depth = Math.min(taxonomy.pathTo(region).size() - 1, 2);
      regions.add(new Choice(region.slug(), region.nameIn(msg.language()), regionIds.contains(region.id()), null, depth));
    }
    return new ChoiceSet(listChoices, everything, topics, regions);
  }

  /** The languages a subscriber may choose, in their own names, {@code chosen} checked (the first if none is). */
  List<Choice> languages(List<String> offered, String chosen) {
    String selected = offered.stream().filter(tag -> tag.equalsIgnoreCase(chosen)).findFirst().orElse(offered.get(0));
    return offered.stream().map(tag -> new Choice(tag, Languages.nativeName(tag), tag.equals(selected), null, 0)).toList();
  }

  /** The checkboxes ticked from slugs typed into a form that is shown again. */
  ChoiceSet choicesFromSlugs(Collection<String> chosenLists, boolean everything, Collection<String> topicSlugs,
                             Collection<String> regionSlugs) {
    Taxonomy taxonomy = reader.taxonomy();
    Set<Long> topics = new java.util.HashSet<>();
    topicSlugs.forEach(slug -> taxonomy.topic(slug).ifPresent(t -> topics.add(t.id())));
    Set<Long> regions = new java.util.HashSet<>();
    regionSlugs.forEach(slug -> taxonomy.region(slug).ifPresent(r -> regions.add(r.id())));
    return choices(chosenLists, everything, topics, regions);
  }

  private static String listHint(Messages msg, MailingList list) {
    return msg.get("subscribe.cadence." + list.cadence().key());
  }
}
