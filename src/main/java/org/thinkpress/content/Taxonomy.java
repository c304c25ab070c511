package org.thinkpress.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An immutable snapshot of every expert, topic and region, read once and shared until content
 * changes. They are few (tens to hundreds), and every page needs some of them, so looking them up
 * here saves a join on each query.
 */
public final class Taxonomy {

  private final Map<Long, Expert> experts;
  private final Map<String, Expert> expertsBySlug;
  private final Map<Long, Topic> topics;
  private final Map<String, Topic> topicsBySlug;
  private final Map<Long, Region> regions;
  private final Map<String, Region> regionsBySlug;

  public Taxonomy(List<Expert> experts, List<Topic> topics, List<Region> regions) {
    this.experts = index(experts, Expert::id);
    this.expertsBySlug = index(experts, Expert::slug);
    this.topics = index(topics, Topic::id);
    this.topicsBySlug = index(topics, Topic::slug);
    this.regions = index(regions, Region::id);
    this.regionsBySlug = index(regions, Region::slug);
  }

  private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
    Map<K, V> map = new LinkedHashMap<>();
    for (V value : values) {
      map.put(key.apply(value), value);
    }
    return Collections.unmodifiableMap(map);
  }

  /** Experts in alphabetical order of name. */
  public List<Expert> experts() {
    List<Expert> sorted = new ArrayList<>(experts.values());
    sorted.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
    return sorted;
  }

  /** Topics in the order editors gave them. */
  public List<Topic> topics() {
    return List.copyOf(topics.values());
  }

  /** Regions in the order editors gave them, parents before their children. */
  public List<Region> regions() {
    return List.copyOf(regions.values());
  }

  public Optional<Expert> expert(String slug) {
    return Optional.ofNullable(expertsBySlug.get(slug));
  }

  public Optional<Topic> topic(String slug) {
    return Optional.ofNullable(topicsBySlug.get(slug));
  }

  public Optional<Region> region(String slug) {
    return Optional.ofNullable(regionsBySlug.get(slug));
  }

  public Optional<Region> region(long id) {
    return Optional.ofNullable(regions.get(id));
  }

  public List<Expert> experts(List<Long> ids) {
    return resolve(ids, experts);
  }

  public List<Topic> topics(List<Long> ids) {
    return resolve(ids, topics);
  }

  public List<Region> regions(List<Long> ids) {
    return resolve(ids, regions);
  }

  private static <V> List<V> resolve(List<Long> ids, Map<Long, V> byId) {
    List<V> resolved = new ArrayList<>(ids.size());
    for (Long id : ids) {
      V value = byId.get(id);
      if (value != null) {
        resolved.add(value);
      }
    }
    return resolved;
  }

  List<String> expertSlugs(List<Long> ids) {
    return experts(ids).stream().map(Expert::slug).toList();
  }

  List<String> topicSlugs(List<Long> ids) {
    return topics(ids).stream().map(Topic::slug).toList();
  }

  List<String> regionSlugs(List<Long> ids) {
    return regions(ids).stream().map(Region::slug).toList();
  }

  /** The regions directly below {@code parent}. */
  public List<Region> childrenOf(Region parent) {
    return regions.values().stream().filter(r -> r.parentId() == parent.id()).toList();
  }

  /** The chain from the top-level region down to {@code region}, inclusive. */
  public List<Region> pathTo(Region region) {
    List<Region> path = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (Region r = region; r != null && seen.add(r.id()); r = regions.get(r.parentId())) {
      path.add(0, r);
    }
    return path;
  }

  /** The ids of {@code root} and of every region below it, at any depth. */
  public Set<Long> selfAndDescendants(Region root) {
    Set<Long> ids = new HashSet<>();
    ids.add(root.id());
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Region region : regions.values()) {
        if (ids.contains(region.parentId()) && ids.add(region.id())) {
          grew = true;
        }
      }
    }
    return ids;
  }
}
