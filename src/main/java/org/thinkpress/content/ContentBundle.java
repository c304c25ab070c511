package org.thinkpress.content;

import java.util.List;

/**
 * A whole site's content, or a part of it, in its editable form: what a content folder holds and
 * what {@link ContentStore#importBundle} writes in one transaction.
 *
 * @param topics topics in the order the site shows them
 * @param regions regions; a parent may come before or after its children
 * @param experts experts
 * @param publications publications in any status and language
 */
public record ContentBundle(
    List<TopicInput> topics, List<RegionInput> regions, List<ExpertInput> experts, List<PublicationInput> publications) {

  public ContentBundle {
    topics = List.copyOf(topics);
    regions = List.copyOf(regions);
    experts = List.copyOf(experts);
    publications = List.copyOf(publications);
  }

  public int size() {
    return topics.size() + regions.size() + experts.size() + publications.size();
  }
}
