package org.thinkpress.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.thinkpress.content.Expert;
import org.thinkpress.content.Region;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.Topic;

/**
 * What the index copied from the taxonomy into each document: the names of experts, topics and
 * regions (in every language) and where each region sits. Kept with the index (in its commit
 * data) so that, when any node renames an expert or moves a region, this node can tell which
 * entries changed and re-index only the pieces linked to them.
 *
 * @param hashes a hash of each entry's indexed form, by key ({@code e12}, {@code t3}, {@code r7})
 */
record TaxonomyPrint(Map<String, Integer> hashes) {

  /** The ids of experts, topics and regions whose indexed form differs. */
  record Difference(List<Long> experts, List<Long> topics, List<Long> regions) {
    boolean isEmpty() {
      return experts.isEmpty() && topics.isEmpty() && regions.isEmpty();
    }
  }

  static TaxonomyPrint of(Taxonomy taxonomy) {
    Map<String, Integer> hashes = new TreeMap<>();
    for (Expert e : taxonomy.experts()) {
      hashes.put("e" + e.id(), List.of(e.slug(), e.name(), new TreeMap<>(e.names()).toString()).hashCode());
    }
    for (Topic t : taxonomy.topics()) {
      hashes.put("t" + t.id(), List.of(t.slug(), t.name(), new TreeMap<>(t.names()).toString()).hashCode());
    }
    for (Region r : taxonomy.regions()) {
      List<String> path = new ArrayList<>();
      for (Region above : taxonomy.pathTo(r)) {
        path.add(above.slug() + "=" + above.name() + new TreeMap<>(above.names()));
      }
      hashes.put("r" + r.id(), path.hashCode());
    }
    return new TaxonomyPrint(hashes);
  }

  /** {@code e12:345,t3:-67}: compact enough for an index's commit data. */
  String encode() {
    StringBuilder out = new StringBuilder();
    hashes.forEach((key, hash) -> out.append(out.length() == 0 ? "" : ",").append(key).append(':').append(hash));
    return out.toString();
  }

  static TaxonomyPrint decode(String encoded) {
    Map<String, Integer> hashes = new HashMap<>();
    if (encoded != null && !encoded.isEmpty()) {
      for (String entry : encoded.split(",")) {
        int colon = entry.indexOf(':');
        hashes.put(entry.substring(0, colon), Integer.parseInt(entry.substring(colon + 1)));
      }
    }
    return new TaxonomyPrint(hashes);
  }

  /** The entries of {@code now} that are new or differ from this print. */
  Difference changedIn(TaxonomyPrint now) {
    List<Long> experts = new ArrayList<>();
    List<Long> topics = new ArrayList<>();
    List<Long> regions = new ArrayList<>();
    now.hashes.forEach((key, hash) -> {
      if (!hash.equals(hashes.get(key))) {
        long id = Long.parseLong(key.substring(1));
        switch (key.charAt(0)) {
          case 'e' -> experts.add(id);
          case 't' -> topics.add(id);
          default -> regions.add(id);
        }
      }
    });
    return new Difference(experts, topics, regions);
  }
}
