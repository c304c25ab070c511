package org.thinkpress.site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.Expert;
import org.thinkpress.content.Languages;
import org.thinkpress.content.Listing;
import org.thinkpress.content.Region;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.Topic;
import org.thinkpress.kit.Messages;
import org.thinkpress.kit.Views.Link;
import org.thinkpress.site.SiteViews.FilterGroup;
import org.thinkpress.site.SiteViews.FilterOption;
import org.thinkpress.site.SiteViews.FilterPanel;

/**
 * What a {@link ListingFilter} selects in an edition, and the filter links of its page: each
 * dimension's values with their counts among the other filters' pieces, by one grouped count per
 * dimension (and one count per year).
 */
final class FilteredListings {

  private final ViewHelpers helpers;

  FilteredListings(ViewHelpers helpers) {
    this.helpers = helpers;
  }

  /** The pieces the filters select in {@code e}; a filter naming nothing of ours is a 404. */
  Listing listing(Edition e, ListingFilter filter) {
    Taxonomy taxonomy = helpers.reader.taxonomy();
    Listing listing = Listing.all();
    String type = filter.get("type");
    if (type != null) {
      if (!helpers.config.types().contains(type)) {
        throw new ContentNotFoundException("publication type", type);
      }
      listing = listing.withType(type);
    }
    if (filter.get("topic") != null) {
      Topic topic = taxonomy.topic(filter.get("topic")).orElseThrow(() -> new ContentNotFoundException("topic", filter.get("topic")));
      listing = listing.withTopic(topic.id());
    }
    if (filter.get("region") != null) {
      Region region = taxonomy.region(filter.get("region"))
          .orElseThrow(() -> new ContentNotFoundException("region", filter.get("region")));
      listing = listing.withRegions(taxonomy.selfAndDescendants(region));
    }
    if (filter.get("expert") != null) {
      Expert expert = taxonomy.expert(filter.get("expert"))
          .orElseThrow(() -> new ContentNotFoundException("expert", filter.get("expert")));
      listing = listing.withExpert(expert.id());
    }
    if (filter.get("year") != null) {
      int year = Integer.parseInt(filter.get("year"));
      listing = listing.publishedBetween(startOf(year), startOf(year + 1));
    }
    String language = filter.get("language");
    if (language != null) {
      if (!helpers.reader.languages().contains(language)) {
        throw new ContentNotFoundException("language", language);
      }
      return listing.inLanguage(language);
    }
    return helpers.editions.listing(e, listing);
  }

  private Instant startOf(int year) {
    return LocalDate.of(year, 1, 1).atStartOfDay(helpers.config.zone()).toInstant();
  }

  /** The filter links of {@code path} (an edition's {@code /publications}) with {@code filter} applied. */
  FilterPanel panel(Edition e, String path, ListingFilter filter, boolean empty) {
    Messages msg = Messages.of(e.language());
    Taxonomy taxonomy = helpers.reader.taxonomy();
    List<FilterGroup> groups = new ArrayList<>();
    List<Link> removals = new ArrayList<>();
    for (String dimension : ListingFilter.DIMENSIONS) {
      ListingFilter others = filter.without(dimension);
      Listing base = listing(e, others);
      List<FilterOption> options = new ArrayList<>();
      for (String[] value : values(e, dimension, base, taxonomy, msg)) {
        boolean selected = value[0].equals(filter.get(dimension));
        if (selected) {
          removals.add(new Link(others.href(path, 1), msg.format("filter.remove", value[1])));
        }
        long count = Long.parseLong(value[2]);
        if (count > 0 || selected) {
          options.add(new FilterOption(selected ? others.href(path, 1) : filter.with(dimension, value[0]).href(path, 1),
              value[1], String.valueOf(count), selected));
        }
      }
      if (!options.isEmpty()) {
        groups.add(new FilterGroup(msg.get("filter." + dimension), options));
      }
    }
    return new FilterPanel(msg.get("filter.heading"), groups, removals,
        filter.isEmpty() ? null : new Link(path, msg.get("filter.clear")), empty ? msg.get("filter.none") : null);
  }

  /** A dimension's values as {value, label, count} among {@code base}'s pieces, in the site's order. */
  private List<String[]> values(Edition e, String dimension, Listing base, Taxonomy taxonomy, Messages msg) {
    List<String[]> values = new ArrayList<>();
    switch (dimension) {
      case "type" -> {
        Map<String, Long> counts = helpers.reader.countBy(base, "type");
        for (String type : helpers.config.types().keys()) {
          values.add(new String[] {type, msg.typeLabel(type), String.valueOf(counts.getOrDefault(type, 0L))});
        }
      }
      case "topic" -> {
        Map<String, Long> counts = helpers.reader.countBy(base, "topic");
        for (Topic topic : taxonomy.topics()) {
          values.add(new String[] {topic.slug(), topic.nameIn(e.language()),
              String.valueOf(counts.getOrDefault(String.valueOf(topic.id()), 0L))});
        }
      }
      case "region" -> {
        Map<Long, List<Long>> pieces = helpers.reader.regionsOfPieces(base);
        for (Region region : taxonomy.regions()) {
          Set<Long> within = taxonomy.selfAndDescendants(region);
          long count = pieces.values().stream().filter(ids -> ids.stream().anyMatch(within::contains)).count();
          values.add(new String[] {region.slug(), region.nameIn(e.language()), String.valueOf(count)});
        }
      }
      case "expert" -> {
        Map<String, Long> counts = helpers.reader.countBy(base, "expert");
        for (Expert expert : taxonomy.experts()) {
          values.add(new String[] {expert.slug(), expert.nameIn(e.language()),
              String.valueOf(counts.getOrDefault(String.valueOf(expert.id()), 0L))});
        }
      }
      case "language" -> {
        Map<String, Long> counts = helpers.reader.countBy(base.inLanguage(null), "language");
        for (String language : helpers.reader.languages()) {
          values.add(new String[] {language, Languages.nativeName(language), String.valueOf(counts.getOrDefault(language, 0L))});
        }
      }
      default -> {
        ZoneId zone = helpers.config.zone();
        Set<Integer> seen = new HashSet<>();
        helpers.reader.publishedRange().ifPresent(range -> {
          for (int year = range[1].atZone(zone).getYear(); year >= range[0].atZone(zone).getYear(); year--) {
            if (seen.add(year)) {
              long count = helpers.reader.count(base.publishedBetween(startOf(year), startOf(year + 1)));
              values.add(new String[] {String.valueOf(year), String.valueOf(year), String.valueOf(count)});
            }
          }
        });
      }
    }
    return values;
  }
}
