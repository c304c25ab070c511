package org.thinkpress.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thinkpress.content.Fixtures.publication;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.storage.TestDatabase;

/**
 * What {@link ContentStore} and {@link ContentReader} promise, run once per database
 * ({@link EachDatabase}).
 */
final class ContentStoreTest {

  private TestDatabase db;
  ContentStore store;
  ContentReader reader;
  final List<ContentChange> changes = new ArrayList<>();

  @BeforeEach
  void openDatabase(TestDatabase db) {
    this.db = db;
    ContentVersion version = new ContentVersion(db.database().jdbi());
    store = new ContentStore(db.database().jdbi(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
        new MarkdownRenderer(), PublicationTypes.DEFAULT, version);
    reader = new ContentReader(db.database().jdbi(), version);
    store.importBundle(Fixtures.taxonomy(), n -> {});
    store.addListener(changes::add);
  }

  @EachDatabase
  void savesAPublicationWithItsDerivedFields() {
    Publication saved = store.savePublication(publication("gas-transit")
        .body("# Background\n\nSome words here.\n\n## Detail\n\nMore words.\n\n# Outlook\n\nThe end.")
        .experts("karen-avagyan", "ana-beridze").topics("security", "energy").regions("georgia").build());

    assertThat(saved.bodyHtml()).contains("<h2 id=\"background\">Background</h2>", "<h3 id=\"detail\">Detail</h3>");
    assertThat(saved.toc()).containsExactly(new TocEntry(2, "background", "Background"),
        new TocEntry(3, "detail", "Detail"), new TocEntry(2, "outlook", "Outlook"));
    assertThat(saved.readingMinutes()).isEqualTo(1);
    Taxonomy taxonomy = reader.taxonomy();
    assertThat(taxonomy.experts(saved.expertIds())).extracting(Expert::slug).containsExactly("karen-avagyan", "ana-beridze");
    assertThat(taxonomy.topics(saved.topicIds())).extracting(Topic::slug).containsExactly("security", "energy");
    assertThat(saved.toInput(taxonomy)).isEqualTo(publication("gas-transit")
        .body("# Background\n\nSome words here.\n\n## Detail\n\nMore words.\n\n# Outlook\n\nThe end.")
        .experts("karen-avagyan", "ana-beridze").topics("security", "energy").regions("georgia").build());
  }

  @EachDatabase
  void savingAnExistingSlugUpdatesIt() {
    store.savePublication(publication("gas-transit").title("First title").build());
    store.savePublication(publication("gas-transit").title("Second title").topics("security").build());

    assertThat(reader.count(Listing.all())).isEqualTo(1);
    Publication stored = reader.publicPublication("gas-transit").orElseThrow();
    assertThat(stored.title()).isEqualTo("Second title");
    assertThat(reader.taxonomy().topics(stored.topicIds())).extracting(Topic::slug).containsExactly("security");
  }

  @EachDatabase
  void refusesUnknownReferencesAndWritesNothing() {
    assertThatThrownBy(() -> store.savePublication(publication("x").topics("energy", "fisheries").build()))
        .isInstanceOf(InvalidContentException.class).hasMessage("unknown topic 'fisheries'");
    assertThatThrownBy(() -> store.savePublication(publication("x").experts("nobody").build()))
        .hasMessage("unknown expert 'nobody'");
    assertThatThrownBy(() -> store.savePublication(publication("x").type("novel").build()))
        .hasMessage("unknown type 'novel'; the configured types are analysis, commentary, report, policy-brief, interview");
    assertThat(store.findPublication("x")).isEmpty();
    assertThat(changes).isEmpty();
  }

  @EachDatabase
  void importIsAllOrNothing() {
    ContentBundle bundle = new ContentBundle(Map.of(), List.of(Fixtures.topic("water", "Water")), List.of(),
        List.of(Fixtures.expert("new-expert", "New Expert")),
        List.of(publication("fine").topics("water").build(), publication("broken").topics("no-such-topic").build()));

    assertThatThrownBy(() -> store.importBundle(bundle, n -> {})).hasMessage("unknown topic 'no-such-topic'");

    assertThat(store.findPublication("fine")).isEmpty();
    assertThat(reader.taxonomy().topic("water")).isEmpty();
    assertThat(reader.taxonomy().expert("new-expert")).isEmpty();
  }

  @EachDatabase
  void oneVersionPerLanguageInATranslationGroup() {
    store.savePublication(publication("peace-en").group("peace").build());
    store.savePublication(publication("peace-ru").group("peace").language("ru").build());

    assertThatThrownBy(() -> store.savePublication(publication("peace-ru-2").group("peace").language("ru").build()))
        .hasMessage("translation_group 'peace' already has a 'ru' version: 'peace-ru'");
  }

  @EachDatabase
  void listsOnlyPublishedPiecesNewestFirstWithFilters() {
    store.savePublication(publication("old").published("2024-05-01T00:00:00Z").regions("armenia").build());
    store.savePublication(publication("mid").published("2025-05-01T00:00:00Z").regions("georgia")
        .topics("security").type("report").experts("karen-avagyan").build());
    store.savePublication(publication("new").published("2026-05-01T00:00:00Z").regions("central-asia").build());
    store.savePublication(publication("draft").status(Status.DRAFT).published(null).build());
    store.savePublication(publication("future").status(Status.SCHEDULED).published("2027-01-01T00:00:00Z").build());
    store.savePublication(publication("gone").status(Status.ARCHIVED).build());
    Taxonomy taxonomy = reader.taxonomy();

    assertThat(slugs(Listing.all())).containsExactly("new", "mid", "old");
    assertThat(slugs(Listing.topic(taxonomy.topic("security").orElseThrow().id()))).containsExactly("mid");
    assertThat(slugs(Listing.regions(taxonomy.selfAndDescendants(taxonomy.region("south-caucasus").orElseThrow()))))
        .containsExactly("mid", "old");
    assertThat(slugs(Listing.expert(taxonomy.expert("karen-avagyan").orElseThrow().id()))).containsExactly("mid");
    assertThat(slugs(Listing.type("report"))).containsExactly("mid");
    assertThat(slugs(Listing.between(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"))))
        .containsExactly("mid");
    assertThat(slugs(Listing.all().inLanguage("ru"))).isEmpty();
    assertThat(reader.sitemapEntries()).extracting(SitemapEntry::slug).containsExactly("new", "mid", "old");
    assertThat(reader.publicPublication("gone")).isPresent();
    assertThat(reader.publicPublication("draft")).isEmpty();
    assertThat(reader.publicPublication("future")).isEmpty();
  }

  @EachDatabase
  void paginates() {
    for (int i = 1; i <= 5; i++) {
      store.savePublication(publication("piece-" + i).published("2025-01-0" + i + "T00:00:00Z").build());
    }
    Page<PublicationSummary> second = reader.list(Listing.all(), 2, 2);

    assertThat(second.items()).extracting(PublicationSummary::slug).containsExactly("piece-3", "piece-2");
    assertThat(second.total()).isEqualTo(5);
    assertThat(second.pageCount()).isEqualTo(3);
    assertThat(second.hasPrevious()).isTrue();
    assertThat(second.hasNext()).isTrue();
    assertThat(reader.list(Listing.all(), 4, 2).isBeyondEnd()).isTrue();
  }

  @EachDatabase
  void otherMaterialsNeverIncludeThePieceOrItsTranslations() {
    Publication piece = store.savePublication(publication("piece").group("g").topics("energy").regions("armenia").build());
    store.savePublication(publication("piece-ru").group("g").language("ru").build());
    store.savePublication(publication("same-topic").topics("energy").regions("central-asia").published("2025-02-01T00:00:00Z").build());
    store.savePublication(publication("same-region").topics("security").regions("armenia").published("2025-01-01T00:00:00Z").build());
    store.savePublication(publication("unrelated").topics("security").regions("central-asia").build());

    assertThat(reader.sharingTopicsOrRegions(piece, 10)).extracting(PublicationSummary::slug)
        .containsExactly("same-topic", "same-region");
    assertThat(reader.translations(piece)).extracting(PublicationSummary::slug).containsExactly("piece-ru");
  }

  @EachDatabase
  void refusesRegionCycles() {
    assertThatThrownBy(() -> store.saveRegion(Fixtures.region("south-caucasus", "South Caucasus", "armenia")))
        .hasMessage("region 'south-caucasus' cannot be placed under 'armenia': that region is already below it");
  }

  @EachDatabase
  void announcesCommittedChangesWithAGrowingVersion() {
    long before = reader.version().current();
    Publication saved = store.savePublication(publication("piece").build());
    store.deletePublication("piece");

    assertThat(changes).hasSize(2);
    assertThat(changes.get(0).publicationIds()).containsExactly(saved.id());
    assertThat(changes.get(1).version()).isEqualTo(before + 2);
    assertThat(reader.version().current()).isEqualTo(before + 2);
    assertThat(store.findPublication("piece")).isEmpty();
  }

  @EachDatabase
  void savingWhatIsStoredWritesNothingAndAChangeWritesOnlyWhatChanged() {
    PublicationInput input = publication("piece").updated("2025-03-02T10:00:00Z").featured()
        .experts("karen-avagyan", "ana-beridze").topics("security", "energy").regions("georgia", "armenia").build();
    Publication first = store.savePublication(input);
    changes.clear();
    long version = reader.version().current();
    List<ContentChange> laterChanges = new ArrayList<>();
    ContentStore later = new ContentStore(db.database().jdbi(), Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"),
        ZoneOffset.UTC), new MarkdownRenderer(), PublicationTypes.DEFAULT, reader.version());
    later.addListener(laterChanges::add);

    assertThat(later.savePublication(input)).isEqualTo(first);
    assertThat(laterChanges).isEmpty();
    assertThat(reader.version().current()).isEqualTo(version);

    Publication reordered = later.savePublication(publication("piece").updated("2025-03-02T10:00:00Z").featured()
        .experts("ana-beridze", "karen-avagyan").topics("security", "energy").regions("georgia", "armenia").build());

    assertThat(reordered).isEqualTo(new Publication(first.id(), first.slug(), first.language(), first.translationGroup(),
        first.title(), first.standfirst(), first.bodyMarkdown(), first.bodyHtml(), first.toc(), first.readingMinutes(),
        first.type(), first.status(), first.featured(), first.publishedAt(), first.updatedAt(), first.createdAt(),
        Instant.parse("2026-02-01T00:00:00Z"), List.of(first.expertIds().get(1), first.expertIds().get(0)),
        first.topicIds(), first.regionIds(), List.of(), "", ""));
    assertThat(laterChanges).extracting(ContentChange::publicationIds).containsExactly(Set.of(first.id()));
    assertThat(reader.version().current()).isEqualTo(version + 1);
  }

  @EachDatabase
  void clearingTheUpdatedTimeAndTheTranslationGroupStoresNulls() {
    store.savePublication(publication("piece").group("g").updated("2025-03-02T10:00:00Z").build());

    Publication cleared = store.savePublication(publication("piece").build());

    assertThat(cleared.updatedAt()).isNull();
    assertThat(cleared.translationGroup()).isNull();
  }

  @EachDatabase
  void anotherNodeSeesTheChangeAtItsNextPoll() {
    ContentVersion otherNode = new ContentVersion(db.database().jdbi());
    long before = otherNode.current();

    store.savePublication(publication("piece").build());

    assertThat(otherNode.current()).isEqualTo(before);
    assertThat(otherNode.refresh()).isTrue();
    assertThat(otherNode.current()).isEqualTo(reader.version().current());
    assertThat(otherNode.changedAtMillis()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    assertThat(otherNode.refresh()).isFalse();
  }

  @EachDatabase
  void exportGivesBackWhatWasImported() {
    ContentBundle bundle = new ContentBundle(Map.of(), Fixtures.taxonomy().topics(), Fixtures.taxonomy().regions(),
        Fixtures.taxonomy().experts(), List.of(
            publication("a-piece").group("g").updated("2025-04-01T00:00:00Z").featured().build(),
            publication("b-piece").group("g").language("ru").status(Status.DRAFT).published(null).build()));
    store.importBundle(bundle, n -> {});

    assertThat(store.exportBundle()).isEqualTo(bundle);
  }

  @EachDatabase
  void savingATaxonAgainUpdatesItInItsPlaceAndReplacesItsNamesWhileANewOneComesLast() {
    long energy = reader.taxonomy().topic("energy").orElseThrow().id();
    long ana = reader.taxonomy().expert("ana-beridze").orElseThrow().id();

    store.saveTopic(new TopicInput("energy", "Energy and Climate", Map.of("ru", "Энергетика"), "Power and heat."));
    store.saveTopic(new TopicInput("energy", "Energy and Climate", Map.of("hy", "Էներգետիկա"), "Power and heat."));
    store.saveTopic(Fixtures.topic("water", "Water"));
    store.saveRegion(new RegionInput("armenia", "Republic of Armenia", Map.of("hy", "Հայաստան"), "south-caucasus"));
    store.saveRegion(Fixtures.region("balkans", "Balkans", null));
    store.saveExpert(new ExpertInput("ana-beridze", "Ana Beridze", Map.of("ru", "Ана Беридзе"), "Director",
        "Another Institute", "Ana *leads*.", "https://example.org/ana.jpg"));
    store.saveExpert(Fixtures.expert("new-expert", "New Expert"));

    Taxonomy taxonomy = reader.taxonomy();
    assertThat(taxonomy.topics()).extracting(Topic::slug).containsExactly("energy", "security", "water");
    assertThat(taxonomy.topic("energy")).hasValue(
        new Topic(energy, "energy", "Energy and Climate", Map.of("hy", "Էներգետիկա"), "Power and heat."));
    assertThat(taxonomy.regions()).extracting(Region::slug)
        .containsExactly("south-caucasus", "armenia", "georgia", "central-asia", "balkans");
    assertThat(taxonomy.region("armenia").orElseThrow()).extracting(Region::name, Region::names)
        .containsExactly("Republic of Armenia", Map.of("hy", "Հայաստան"));
    Expert updated = taxonomy.expert("ana-beridze").orElseThrow();
    assertThat(updated).isEqualTo(new Expert(ana, "ana-beridze", "Ana Beridze", Map.of("ru", "Ана Беридзе"), "Director",
        "Another Institute", "Ana *leads*.", updated.bioHtml(), "https://example.org/ana.jpg", Map.of()));
    assertThat(updated.bioHtml()).contains("<em>leads</em>");
    assertThat(taxonomy.experts()).extracting(Expert::slug).contains("new-expert");
  }

  @EachDatabase
  void taxonomyKnowsTheRegionTree() {
    Taxonomy taxonomy = reader.taxonomy();
    Region caucasus = taxonomy.region("south-caucasus").orElseThrow();

    assertThat(taxonomy.childrenOf(caucasus)).extracting(Region::slug).containsExactly("armenia", "georgia");
    assertThat(taxonomy.pathTo(taxonomy.region("georgia").orElseThrow())).extracting(Region::slug)
        .containsExactly("south-caucasus", "georgia");
    assertThat(taxonomy.regions()).extracting(Region::slug)
        .containsExactly("south-caucasus", "armenia", "georgia", "central-asia");
    assertThat(taxonomy.selfAndDescendants(caucasus)).hasSize(3);
  }

  private List<String> slugs(Listing listing) {
    return reader.list(listing, 1, 50).items().stream().map(PublicationSummary::slug).toList();
  }

}
