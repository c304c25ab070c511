package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.ContentVersion;
import org.thinkpress.content.ExpertInput;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.content.PublicationTypes;
import org.thinkpress.content.RegionInput;
import org.thinkpress.content.Status;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.EachDatabase;

/**
 * The index follows the database: publish, edit, unpublish, delete, scheduled pieces going live,
 * renamed experts and moved regions, restarts, a deleted index folder, and writes by another node
 * sharing the database. Run once per database.
 */
final class IndexFollowingTest {

  SearchTestBed bed;
  Search search;

  @BeforeEach
  void open(Dialect dialect) {
    bed = SearchTestBed.of(dialect).load(Corpus.taxonomy()).load(Corpus.pieces());
    search = bed.open();
  }

  @AfterEach
  void close() {
    bed.close();
  }

  /** A published English analysis by an expert of the corpus. */
  static org.thinkpress.content.Fixtures.PublicationBuilder piece(String slug) {
    return org.thinkpress.content.Fixtures.publication(slug).experts("irina-moraru");
  }

  List<String> slugs(String query) {
    return search.search(SearchRequest.text(query)).hits().stream().map(hit -> hit.summary().slug()).toList();
  }

  @EachDatabase
  void aPublishedPieceIsFoundWithinASecond() {
    bed.store.savePublication(piece("new-piece").title("Semiconductors and Sanctions").body("Chips.").build());

    long version = bed.reader.version().current();
    assertThat(search.awaitVersion(version, 1_000)).isTrue();
    assertThat(slugs("semiconductors")).containsExactly("new-piece");
  }

  @EachDatabase
  void editsReplaceWhatWasIndexed() {
    bed.store.savePublication(piece("new-piece").title("Semiconductors and Sanctions").build());
    bed.awaitIndexed();
    bed.store.savePublication(piece("new-piece").title("Lithium and Sanctions").build());
    bed.awaitIndexed();

    assertThat(slugs("semiconductors")).isEmpty();
    assertThat(slugs("lithium")).containsExactly("new-piece");
    assertThat(search.search(SearchRequest.text("")).total()).isEqualTo(Corpus.PIECES.size() + 1);
  }

  @EachDatabase
  void unpublishedArchivedAndDeletedPiecesLeaveTheIndex() {
    bed.store.savePublication(piece("grain-corridor-reopens").title("Black Sea Grain Corridor Reopens")
        .status(Status.DRAFT).published(null).build());
    bed.store.savePublication(Corpus.PIECES.get(6).withStatus(Status.ARCHIVED, Instant.parse("2025-04-01T09:00:00Z")));
    bed.store.deletePublication("eksport-zerna");
    bed.awaitIndexed();

    assertThat(slugs("grain")).isEmpty();
    assertThat(slugs("Odesa")).isEmpty();
    assertThat(slugs("зерно")).isEmpty();
    assertThat(search.search(SearchRequest.text("")).total()).isEqualTo(Corpus.PIECES.size() - 3);
  }

  @EachDatabase
  void aScheduledPieceIsFoundOnceItGoesLive() {
    bed.store.savePublication(piece("later").title("Hydrogen Valleys").status(Status.SCHEDULED)
        .published("2025-12-31T00:00:00Z").build());
    bed.awaitIndexed();
    assertThat(slugs("hydrogen")).isEmpty();

    assertThat(bed.store.publishDue(Instant.parse("2026-01-01T00:00:00Z"))).hasSize(1);
    bed.awaitIndexed();

    assertThat(slugs("hydrogen")).containsExactly("later");
  }

  @EachDatabase
  void renamingAnExpertOrMovingARegionReindexesTheirPieces() {
    bed.store.saveExpert(new ExpertInput("daniyar-abenov", "Daniyar Zhaksybekov", Map.of(), "Fellow", "", "", null));
    bed.store.saveRegion(new RegionInput("kazakhstan", "Kazakhstan", Map.of(), "south-caucasus"));
    bed.awaitIndexed();

    assertThat(slugs("Zhaksybekov")).containsExactlyInAnyOrder("gas-pipeline-transit", "water-irrigation-central-asia",
        "jrayin-resursner", "markup-in-text");
    SearchResults underCaucasus = search.search(new SearchRequest("", Map.of("region", List.of("south-caucasus")), false, 1));
    assertThat(underCaucasus.hits()).extracting(hit -> hit.summary().slug()).contains("water-irrigation-central-asia");
  }

  @EachDatabase
  void aRestartedNodeCatchesUpWithWhatWasWrittenWhileItWasDown() {
    bed.closeSearch();
    bed.store.savePublication(piece("while-down").title("Written While The Index Was Closed").build());
    bed.store.deletePublication("gas-pipeline-transit");

    search = bed.open();

    assertThat(slugs("closed")).containsExactly("while-down");
    assertThat(slugs("pipeline")).isEmpty();
  }

  @EachDatabase
  void aDeletedIndexFolderIsRebuiltAtStart() {
    bed.closeSearch();
    SearchTestBed.deleteTree(bed.indexDir());

    search = bed.open();

    assertThat(search.indexedVersion()).isEqualTo(bed.reader.version().current());
    assertThat(search.search(SearchRequest.text("")).total()).isEqualTo(Corpus.PIECES.size());
    assertThat(slugs("границами")).containsExactly("granitsy-komissii");
  }

  @EachDatabase
  void anIndexBuiltByEarlierCodeIsRebuiltAtStart() {
    bed.closeSearch();
    Map<String, String> committed;
    try (SearchIndex index = SearchIndex.open(bed.indexDir(), new Analyzers())) {
      // what schema 3 left behind, as far as this node can tell: up to date, but without the kept words
      committed = new java.util.HashMap<>(index.committed());
      committed.put(SearchIndex.SCHEMA_KEY, "3");
      index.deleteAll();
      index.commit(committed);
    }

    search = bed.open();

    assertThat(search.search(SearchRequest.text("")).total()).isEqualTo(Corpus.PIECES.size());
    Publication grain = bed.reader.publicPublication("grain-corridor-reopens").orElseThrow();
    assertThat(search.otherMaterials().forPublication(grain, 1)).extracting(PublicationSummary::slug)
        .containsExactly("interview-insuring-ships");
    bed.closeSearch();
    try (SearchIndex index = SearchIndex.open(bed.indexDir(), new Analyzers())) {
      assertThat(index.committed()).containsEntry(SearchIndex.SCHEMA_KEY, SearchIndex.SCHEMA)
          .containsEntry(SearchIndex.VERSION_KEY, committed.get(SearchIndex.VERSION_KEY));
    }
  }

  @EachDatabase
  void theWordsKeptForOtherMaterialsAreThoseOfThePiecesTextAsPublished() {
    bed.closeSearch();
    Analyzers analyzers = new Analyzers();
    try (SearchIndex index = SearchIndex.open(bed.indexDir(), analyzers)) {
      index.refresh();
      int checked = index.withSearcher(searcher -> {
        int count = 0;
        for (org.apache.lucene.index.LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
          for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
            PublicationSummary summary = Summaries.read(searcher, new int[] {leaf.docBase + doc}).get(0);
            Publication piece = bed.reader.publicPublication(summary.slug()).orElseThrow();
            String key = Analyzers.keyOf(piece.language());
            Map<String, Integer> expected = TellingWords.of(analyzers.forKey(key), Fields.body(key),
                piece.standfirst() + "\n\n" + HtmlText.of(piece.bodyHtml()));
            assertThat(TellingWords.read(leaf.reader(), doc)).as(summary.slug())
                .isEqualTo(TellingWords.asList(expected));
            count++;
          }
        }
        return count;
      });
      assertThat(checked).isEqualTo(Corpus.PIECES.size());
    }
  }

  @EachDatabase
  void reindexRebuildsEverythingAndReportsEachPiece() {
    int[] steps = {0};
    int count = search.reindex(n -> steps[0] += n);

    assertThat(count).isEqualTo(Corpus.PIECES.size());
    assertThat(steps[0]).isEqualTo(Corpus.PIECES.size());
    assertThat(slugs("grain")).containsExactly("grain-corridor-reopens");
  }

  @EachDatabase
  void aSecondProcessCannotOpenTheSameIndex() {
    assertThatThrownBy(() -> Search.open(bed.settings(), bed.db.database().jdbi(), bed.store, bed.reader,
        java.time.ZoneOffset.UTC))
        .isInstanceOf(SearchIndexException.class)
        .hasMessageContaining("is in use by another ThinkPress process");
  }

  @EachDatabase
  void anotherNodeSharingTheDatabaseCatchesUpFromTheChangeLog() throws Exception {
    // node B: its own store, reader and index folder over the same database; it hears nothing from node A's store
    ContentVersion versionB = new ContentVersion(bed.db.database().jdbi());
    ContentStore storeB = new ContentStore(bed.db.database().jdbi(), SearchTestBed.CLOCK, new MarkdownRenderer(),
        PublicationTypes.DEFAULT, versionB);
    ContentReader readerB = new ContentReader(bed.db.database().jdbi(), versionB);
    SearchSettings settingsB = new SearchSettings(bed.folder.resolve("index-b"), 100, 10, 120);
    try (Search nodeB = Search.open(settingsB, bed.db.database().jdbi(), storeB, readerB, java.time.ZoneOffset.UTC).follow()) {
      bed.store.savePublication(piece("from-node-a").title("Rare Earths From Node A").build());
      bed.store.deletePublication("remittances-armenia");
      long version = bed.reader.version().current();

      assertThat(nodeB.awaitVersion(version, 2_000)).isTrue();
      List<String> found = nodeB.search(SearchRequest.text("rare earths")).hits().stream()
          .map(hit -> hit.summary().slug()).toList();
      assertThat(found).containsExactly("from-node-a");
      assertThat(nodeB.search(SearchRequest.text("dram")).hits()).isEmpty();
    }
  }
}
