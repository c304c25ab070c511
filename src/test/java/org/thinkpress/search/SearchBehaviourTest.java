package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thinkpress.content.Listing;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.content.Region;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.Topic;
import org.thinkpress.search.SearchResults.Facet;
import org.thinkpress.search.SearchResults.FacetValue;

/** Facets against the database, hostile input, snippets, and other materials, on the fixed {@link Corpus}. */
class SearchBehaviourTest {

  static SearchTestBed bed;
  static Search search;

  @BeforeAll
  static void index() {
    bed = SearchTestBed.sqlite().load(Corpus.taxonomy()).load(Corpus.pieces());
    search = bed.open();
  }

  @AfterAll
  static void close() {
    bed.close();
  }

  static long count(SearchResults results, String dim, String value) {
    return results.facets().stream().filter(f -> f.dimension().equals(dim)).flatMap(f -> f.values().stream())
        .filter(v -> v.value().equals(value)).mapToLong(FacetValue::count).findFirst().orElse(0);
  }

  /** Every facet value's count, checked against the database's count of the same listing. */
  static void assertFacetsMatchDatabase(SearchResults results, Listing base) {
    Taxonomy taxonomy = bed.reader.taxonomy();
    for (Topic topic : taxonomy.topics()) {
      Listing listing = new Listing(topic.id(), base.regionIds(), base.expertId(), base.type(), base.from(), base.until(),
          base.language());
      assertThat(count(results, "topic", topic.slug())).as("topic " + topic.slug()).isEqualTo(bed.reader.count(listing));
    }
    for (Region region : taxonomy.regions()) {
      Listing listing = new Listing(base.topicId(), taxonomy.selfAndDescendants(region), base.expertId(), base.type(),
          base.from(), base.until(), base.language());
      assertThat(count(results, "region", region.slug())).as("region " + region.slug()).isEqualTo(bed.reader.count(listing));
    }
    for (var expert : taxonomy.experts()) {
      Listing listing = new Listing(base.topicId(), base.regionIds(), expert.id(), base.type(), base.from(),
          base.until(), base.language());
      assertThat(count(results, "expert", expert.slug())).as("expert " + expert.slug()).isEqualTo(bed.reader.count(listing));
    }
    for (String type : List.of("analysis", "commentary", "report", "policy-brief", "interview")) {
      Listing listing = new Listing(base.topicId(), base.regionIds(), base.expertId(), type, base.from(), base.until(),
          base.language());
      assertThat(count(results, "type", type)).as("type " + type).isEqualTo(bed.reader.count(listing));
    }
    for (int year = 2022; year <= 2026; year++) {
      Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant until = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
      Listing listing = new Listing(base.topicId(), base.regionIds(), base.expertId(), base.type(), from, until,
          base.language());
      assertThat(count(results, "year", String.valueOf(year))).as("year " + year).isEqualTo(bed.reader.count(listing));
    }
  }

  @Test
  void facetCountsOfEverythingEqualTheDatabasesCounts() {
    SearchResults all = search.search(SearchRequest.text(""));

    assertThat(all.total()).isEqualTo(bed.reader.count(Listing.all())).isEqualTo(Corpus.PIECES.size());
    assertFacetsMatchDatabase(all, Listing.all());
    for (String language : List.of("en", "ru", "hy")) {
      assertThat(count(all, "language", language)).isEqualTo(bed.reader.count(Listing.all().inLanguage(language)));
    }
  }

  @Test
  void facetCountsUnderAFilterEqualTheDatabasesCountsOfTheFilteredListing() {
    SearchResults russian = search.search(new SearchRequest("", Map.of("language", List.of("ru")), false, 1));
    assertThat(russian.total()).isEqualTo(2);
    assertFacetsMatchDatabase(russian, Listing.all().inLanguage("ru"));

    Region caucasus = bed.reader.taxonomy().region("south-caucasus").orElseThrow();
    long security = bed.reader.taxonomy().topic("security").orElseThrow().id();
    SearchResults combined = search.search(new SearchRequest("", Map.of("region", List.of("south-caucasus"),
        "topic", List.of("security")), false, 1));
    Listing both = new Listing(security, bed.reader.taxonomy().selfAndDescendants(caucasus), null, null, null, null, null);
    assertThat(combined.total()).isEqualTo(bed.reader.count(both)).isEqualTo(4);
    // the other dimensions count within the filtered pieces
    assertThat(count(combined, "language", "hy")).isEqualTo(bed.reader.count(both.inLanguage("hy")));
    assertThat(count(combined, "type", "policy-brief")).isEqualTo(1);
  }

  @Test
  void aFilteredDimensionStillCountsItsOtherValuesSoThatTheChoiceCanWiden() {
    SearchResults russian = search.search(new SearchRequest("", Map.of("language", List.of("ru")), false, 1));

    Facet languages = russian.facets().stream().filter(f -> f.dimension().equals("language")).findFirst().orElseThrow();
    assertThat(languages.values()).containsExactlyInAnyOrder(new FacetValue("en", 8, false),
        new FacetValue("ru", 2, true), new FacetValue("hy", 2, false));
    SearchResults either = search.search(new SearchRequest("", Map.of("language", List.of("ru", "hy")), false, 1));
    assertThat(either.total()).isEqualTo(4);
  }

  @Test
  void facetsCountTheHitsOfATextQuery() {
    SearchResults border = search.search(SearchRequest.text("Arakelyan"));
    assertThat(border.total()).isEqualTo(4);
    assertThat(count(border, "language", "en")).isEqualTo(2);
    assertThat(count(border, "language", "ru")).isEqualTo(1);
    assertThat(count(border, "region", "south-caucasus")).isEqualTo(4);
    assertThat(count(border, "region", "black-sea")).isZero();
  }

  @Test
  void aPhraseRankedByRelevanceHasTheHitsAndCountsOfThePhraseByDate() {
    // by relevance, a phrase is counted and ranked in two passes; by date, in one
    SearchResults byRelevance = search.search(SearchRequest.text("\"Lilit Arakelyan\""));
    SearchResults byDate = search.search(SearchRequest.text("\"Lilit Arakelyan\"").withOrder(true));
    assertThat(byRelevance.total()).isEqualTo(4).isEqualTo(byDate.total());
    assertThat(byRelevance.facets()).isEqualTo(byDate.facets());
    assertThat(byRelevance.hits()).extracting(hit -> hit.summary().slug())
        .containsExactlyInAnyOrderElementsOf(byDate.hits().stream().map(hit -> hit.summary().slug()).toList());
    assertThat(count(byRelevance, "language", "en")).isEqualTo(2);
    SearchResults filtered = search.search(new SearchRequest("\"Lilit Arakelyan\"", Map.of("language", List.of("en")),
        false, 7));
    assertThat(filtered.total()).isEqualTo(2);
    assertThat(filtered.page()).isEqualTo(1); // a page too far shows the last
    assertThat(filtered.hits()).hasSize(2);
    assertThat(count(filtered, "language", "ru")).isEqualTo(1); // the filtered dimension still counts its others
  }

  static Stream<String> hostileQueries() {
    List<String> queries = new ArrayList<>(List.of("\"", "\"unbalanced quote", "grain\"", "AND", "OR OR", "NOT",
        "a AND OR NOT b", "(((", ")))", "[1 TO 5]", "{*}", "title:grain", "*", "?", "gr*in", "~", "grain~2", "^3",
        "+", "-", "--", "- -", "-\"\"", "\\", "\\\"", "&&||!", "/regex/", "<script>alert(1)</script>", "' OR 1=1 --",
        "%00", "\u0000\u0001\u0007", "\uD800", "\uDC00grain", "\u200B\u200E\u202E", "\uFEFF", "🙂🙂🙂", "ﷺ",
        "   ", "\t\n\r", "-grain", "-\"black sea\"", "\"\"\"\"", "field:[* TO *]"));
    queries.add("grain ".repeat(2_000));
    queries.add("x".repeat(10_000));
    queries.add("\"" + "a b ".repeat(3_000));
    queries.add("ա".repeat(10_000));
    return queries.stream();
  }

  @ParameterizedTest
  @MethodSource("hostileQueries")
  void hostileQueriesGiveResultsOrNoneButNeverFail(String query) {
    SearchResults results = search.search(SearchRequest.text(query));

    assertThat(results.total()).isBetween(0L, (long) Corpus.PIECES.size());
    assertThat(results.queryText().length()).isLessThanOrEqualTo(UserQuery.MAX_CHARS);
    assertThat(search.suggest(query, 5)).hasSizeLessThanOrEqualTo(5);
    assertThat(search.newest(SearchRequest.text(query), 5)).hasSizeLessThanOrEqualTo(5);
  }

  @Test
  void hostileQueriesMeanWhatTheyPlainlySay() {
    assertThat(search.search(SearchRequest.text("grain:corridor")).hits()).extracting(h -> h.summary().slug())
        .containsExactly("grain-corridor-reopens");
    assertThat(search.search(SearchRequest.text("title:grain")).total()).isZero(); // no piece says "title"
    assertThat(search.search(SearchRequest.text("grain AND OR")).total()).isEqualTo(1); // "and", "or": stop words
    assertThat(search.search(SearchRequest.text("grain\"")).total()).isEqualTo(1);
    assertThat(search.search(SearchRequest.text("-grain")).total()).isEqualTo(Corpus.PIECES.size() - 1);
    assertThat(search.search(SearchRequest.text("(((")).total()).isEqualTo(Corpus.PIECES.size()); // no words at all
    assertThat(search.search(SearchRequest.text("!!! ???")).total()).isZero(); // words, none searchable
    assertThat(search.search(SearchRequest.text("   ")).total()).isEqualTo(Corpus.PIECES.size());
  }

  @Test
  void snippetsMarkTheMatchingWordsAsTheyAreWrittenInTheText() {
    SearchResults results = search.search(SearchRequest.text("insurers"));

    Snippet snippet = results.hits().stream().filter(h -> h.summary().slug().equals("grain-corridor-reopens"))
        .findFirst().orElseThrow().snippet();
    assertThat(snippet.parts()).filteredOn(Snippet.Part::match).extracting(Snippet.Part::text)
        .containsExactly("insurers", "insurance");
    assertThat(snippet.plainText()).contains("resumed exports of wheat and maize after insurers returned");

    Snippet russian = search.search(SearchRequest.text("границами")).hits().get(0).snippet();
    assertThat(russian.parts()).filteredOn(Snippet.Part::match).extracting(Snippet.Part::text).containsExactly("границы");
  }

  @Test
  void aPhraseIsMarkedWholeWithTheStopWordsItSpans() {
    Snippet snippet = search.search(SearchRequest.text("\"wheat and maize\"")).hits().get(0).snippet();

    assertThat(snippet.parts()).filteredOn(Snippet.Part::match).extracting(Snippet.Part::text)
        .containsExactly("wheat and maize");
    assertThat(search.search(SearchRequest.text("\"on naval escorts\"")).hits().get(0).snippet().parts())
        .filteredOn(Snippet.Part::match).extracting(Snippet.Part::text).containsExactly("naval escorts");
  }

  @Test
  void snippetsKeepMarkupInThePieceAsText() {
    Snippet snippet = search.search(SearchRequest.text("sanitizer")).hits().get(0).snippet();

    assertThat(snippet.plainText()).contains("<img src=x onerror=alert(1)>", "<b>escaped</b>");
    assertThat(snippet.parts()).filteredOn(Snippet.Part::match).extracting(Snippet.Part::text).containsExactly("sanitizer");
  }

  @Test
  void pagesTogetherListEveryHitOnceInOrderAndAPageTooFarIsTheLast() {
    for (boolean byDate : List.of(false, true)) {
      SearchResults first = search.search(new SearchRequest("", Map.of(), byDate, 1));
      assertThat(first.pageCount()).isGreaterThan(1);
      List<PublicationSummary> all = new ArrayList<>();
      for (int page = 1; page <= first.pageCount(); page++) {
        search.search(new SearchRequest("", Map.of(), byDate, page)).hits().forEach(hit -> all.add(hit.summary()));
      }
      assertThat(all).hasSize((int) first.total()).extracting(PublicationSummary::id).doesNotHaveDuplicates();
      if (byDate) {
        assertThat(all).extracting(PublicationSummary::publishedAt)
            .isSortedAccordingTo(java.util.Comparator.reverseOrder());
      }
      SearchResults tooFar = search.search(new SearchRequest("", Map.of(), byDate, first.pageCount() + 5));
      assertThat(tooFar.page()).isEqualTo(first.pageCount());
      assertThat(tooFar.hits()).isNotEmpty();
    }
  }

  @Test
  void otherMaterialsNeverContainThePieceOrItsTranslations() {
    for (String slug : List.of("border-commissions-explained", "granitsy-komissii", "sahmanazatum",
        "grain-corridor-reopens", "eksport-zerna", "gas-pipeline-transit", "markup-in-text")) {
      Publication piece = bed.reader.publicPublication(slug).orElseThrow();
      List<PublicationSummary> related = search.otherMaterials().forPublication(piece, 20);

      assertThat(related).as(slug).isNotEmpty();
      assertThat(related).as(slug).extracting(PublicationSummary::id).doesNotContain(piece.id());
      if (piece.translationGroup() != null) {
        assertThat(related).as(slug).extracting(PublicationSummary::translationGroup)
            .doesNotContain(piece.translationGroup());
      }
    }
  }

  @Test
  void otherMaterialsPreferSimilarTextAndSharedTaxonomyAndAreStable() {
    Publication grain = bed.reader.publicPublication("grain-corridor-reopens").orElseThrow();
    List<PublicationSummary> first = search.otherMaterials().forPublication(grain, 4);

    // same topic (trade), same region (Black Sea), same expert, same language, shared words (ships, insurance)
    assertThat(first).extracting(PublicationSummary::slug).first().isEqualTo("interview-insuring-ships");
    assertThat(search.otherMaterials().forPublication(grain, 4)).isEqualTo(first);
    assertThat(first).extracting(PublicationSummary::slug).doesNotHaveDuplicates();

    Publication border = bed.reader.publicPublication("border-commissions-explained").orElseThrow();
    assertThat(search.otherMaterials().forPublication(border, 1)).extracting(PublicationSummary::slug)
        .containsExactly("remittances-armenia");
  }

  @Test
  void otherMaterialsCarryWhatACardShows() {
    Publication grain = bed.reader.publicPublication("eksport-zerna").orElseThrow();
    PublicationSummary fromIndex = search.otherMaterials().forPublication(grain, 20).stream()
        .filter(s -> s.slug().equals("interview-insuring-ships")).findFirst().orElseThrow();
    PublicationSummary fromDatabase = bed.reader.list(Listing.type("interview"), 1, 10).items().get(0);

    assertThat(fromIndex).isEqualTo(fromDatabase);
    assertThat(Set.copyOf(fromIndex.regionIds())).hasSize(1);
  }
}
