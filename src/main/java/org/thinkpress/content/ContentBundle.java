package org.thinkpress.content;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole site's content, or a part of it, in its editable form: what a content folder holds and
 * what {@link ContentStore#importBundle} writes in one transaction.
 *
 * @param settings site settings (name, description...) by name
 * @param topics topics in the order the site shows them
 * @param regions regions; a parent may come before or after its children
 * @param experts experts
 * @param publications publications in any status and language
 */
public record ContentBundle(Map<String, String> settings,
    List<TopicInput> topics, List<RegionInput> regions, List<ExpertInput> experts, List<PublicationInput> publications) {

  public ContentBundle {
    settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    topics = List.copyOf(topics);
    regions = List.copyOf(regions);
    experts = List.copyOf(experts);
    publications = List.copyOf(publications);
  }

  public int size() {
    return topics.size() + regions.size() + experts.size() + publications.size();
  }
}
