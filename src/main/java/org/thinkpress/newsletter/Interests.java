package org.thinkpress.newsletter;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.thinkpress.content.Region;
import org.thinkpress.content.Taxonomy;

/** How a piece's regions meet subscribers' interests: a region stands for the regions above it too. */
final class Interests {

  private Interests() {}

  /**
   * The regions a subscriber may have chosen to be told of a piece with {@code regionIds}: those
   * regions and every region above them (interest in "South Caucasus" covers a piece on Armenia).
   */
  static Set<Long> regionsMatching(List<Long> regionIds, Taxonomy taxonomy) {
    Set<Long> matching = new HashSet<>();
    for (Long id : regionIds) {
      taxonomy.region(id).ifPresent(region -> taxonomy.pathTo(region).stream().map(Region::id).forEach(matching::add));
      matching.add(id);
    }
    return matching;
  }

  /** The regions of a segment: each region and every region below it. */
  static Set<Long> regionsWithin(List<Long> regionIds, Taxonomy taxonomy) {
    Set<Long> within = new HashSet<>();
    for (Long id : regionIds) {
      taxonomy.region(id).ifPresent(region -> within.addAll(taxonomy.selfAndDescendants(region)));
    }
    return within;
  }
}
