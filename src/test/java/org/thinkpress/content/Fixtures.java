package org.thinkpress.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small, readable builders of content for tests. */
public final class Fixtures {

  private Fixtures() {}

  public static TopicInput topic(String slug, String name) {
    return new TopicInput(slug, name, Map.of(), "Pieces about " + name + ".");
  }

  public static RegionInput region(String slug, String name, String parent) {
    return new RegionInput(slug, name, Map.of(), parent);
  }

  public static ExpertInput expert(String slug, String name) {
    return new ExpertInput(slug, name, Map.of(), "Senior Fellow", "Test Institute", name + " writes about tests.", null);
  }

  /** The taxonomy most tests use: two topics, a region tree, two experts. */
  public static ContentBundle taxonomy() {
    return new ContentBundle(Map.of(), 
        List.of(topic("energy", "Energy"), topic("security", "Security")),
        List.of(region("south-caucasus", "South Caucasus", null), region("armenia", "Armenia", "south-caucasus"),
            region("georgia", "Georgia", "south-caucasus"), region("central-asia", "Central Asia", null)),
        List.of(expert("ana-beridze", "Ana Beridze"), expert("karen-avagyan", "Karen Avagyan")),
        List.of());
  }

  public static PublicationBuilder publication(String slug) {
    return new PublicationBuilder(slug);
  }

  /** A publication with sensible defaults: an English, published analysis with one section. */
  public static final class PublicationBuilder {
    private final String slug;
    private String language = "en";
    private String group;
    private String title;
    private String standfirst = "A standfirst that sums the piece up.";
    private String body = "## Introduction\n\nThe first section.\n\n## Conclusion\n\nThe last section.";
    private String type = "analysis";
    private Status status = Status.PUBLISHED;
    private Instant published = Instant.parse("2025-03-01T09:00:00Z");
    private Instant updated;
    private boolean featured;
    private List<String> experts = List.of("ana-beridze");
    private List<String> topics = List.of("energy");
    private List<String> regions = List.of("armenia");

    PublicationBuilder(String slug) {
      this.slug = slug;
      this.title = "Title of " + slug;
    }

    public PublicationBuilder language(String value) { language = value; return this; }
    public PublicationBuilder group(String value) { group = value; return this; }
    public PublicationBuilder title(String value) { title = value; return this; }
    public PublicationBuilder standfirst(String value) { standfirst = value; return this; }
    public PublicationBuilder body(String value) { body = value; return this; }
    public PublicationBuilder type(String value) { type = value; return this; }
    public PublicationBuilder status(Status value) { status = value; return this; }
    public PublicationBuilder published(String value) { published = value == null ? null : Instant.parse(value); return this; }
    public PublicationBuilder updated(String value) { updated = Instant.parse(value); return this; }
    public PublicationBuilder featured() { featured = true; return this; }
    public PublicationBuilder experts(String... value) { experts = List.of(value); return this; }
    public PublicationBuilder topics(String... value) { topics = List.of(value); return this; }
    public PublicationBuilder regions(String... value) { regions = List.of(value); return this; }

    public PublicationInput build() {
      return new PublicationInput(slug, language, group, title, standfirst, body, type, status, published, updated,
          featured, experts, topics, regions);
    }
  }
}
