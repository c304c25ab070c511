package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected first results for a set of queries on the fixed {@link Corpus}. */
class SearchRelevanceTest {

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

  static List<String> slugs(String query) {
    return search.search(SearchRequest.text(query)).hits().stream().map(hit -> hit.summary().slug()).toList();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "grain | grain-corridor-reopens",
      "Grain corridor | grain-corridor-reopens",
      "insurance | interview-insuring-ships",
      "exporting | grain-corridor-reopens",
      "commissions | border-commissions-explained",
      "irrigation dams | water-irrigation-central-asia",
      "Odesa | interview-insuring-ships",
      "dram | remittances-armenia"})
  void englishQueriesFindTheExpectedPieceFirst(String query, String first) {
    assertThat(slugs(query)).first().isEqualTo(first);
  }

  @Test
  void englishStemmingMatchesOtherFormsOfAWord() {
    // "insurance" and "Insuring" share the stem "insur"; "exporting" and "exports" share "export"
    assertThat(slugs("insurers")).containsExactlyInAnyOrder("grain-corridor-reopens", "interview-insuring-ships");
    assertThat(slugs("exporting")).containsExactly("grain-corridor-reopens");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // Russian: none of these forms occurs in the corpus; each matches only through its stem
      "границами | granitsy-komissii",
      "зерно | eksport-zerna",
      "экспортом пшеница | eksport-zerna",
      "комиссиями | granitsy-komissii",
      // Armenian: likewise
      "հանձնաժողովներում | sahmanazatum",
      "ռեսուրսներ | jrayin-resursner"})
  void russianAndArmenianQueriesMatchThroughStemming(String query, String only) {
    assertThat(slugs(query)).containsExactly(only);
  }

  @Test
  void theTestedFormsReallyAreAbsentFromTheCorpus() {
    // word by word and in any case, as the analyzers read: "ռեսուրսներ" is inside "ռեսուրսների", yet no word of the corpus
    Set<String> words = new HashSet<>();
    for (var piece : Corpus.PIECES) {
      String text = piece.title() + " " + piece.standfirst() + " " + piece.bodyMarkdown();
      for (String word : text.split("[^\\p{L}\\p{N}]+")) {
        words.add(word.toLowerCase(Locale.ROOT));
      }
    }
    assertThat(words).contains("ռեսուրսների", "зерна", "հայաստանի");
    assertThat(List.of("границами", "зерно", "экспортом", "комиссиями", "հանձնաժողովներում", "Հայաստանում", "ռեսուրսներ"))
        .allSatisfy(form -> assertThat(words).doesNotContain(form.toLowerCase(Locale.ROOT)));
  }

  @Test
  void phrasesMatchOnlyTheWordsInThatOrder() {
    assertThat(slugs("naval escorts")).containsExactlyInAnyOrder("grain-corridor-reopens", "election-cyber-defence");
    assertThat(slugs("\"naval escorts\"")).containsExactly("grain-corridor-reopens");
    assertThat(slugs("\"escorts naval\"")).isEmpty();
  }

  @Test
  void excludedWordsLeavePiecesOut() {
    assertThat(slugs("naval -ballot")).containsExactly("grain-corridor-reopens");
  }

  @Test
  void namesOfExpertsFindTheirPiecesInAnyLanguageTheirNameIsWrittenIn() {
    List<String> byLilit = List.of("border-commissions-explained", "remittances-armenia", "granitsy-komissii",
        "sahmanazatum");
    assertThat(slugs("Arakelyan")).containsExactlyInAnyOrderElementsOf(byLilit);
    assertThat(slugs("Аракелян")).containsExactlyInAnyOrderElementsOf(byLilit);
  }

  @Test
  void regionAndTopicNamesAreSearchable() {
    assertThat(slugs("Южный Кавказ")).containsExactlyInAnyOrder("gas-pipeline-transit", "border-commissions-explained",
        "election-cyber-defence", "remittances-armenia", "granitsy-komissii", "sahmanazatum", "markup-in-text");
  }

  @Test
  void aWordThatIsAStopWordSomewhereNeedNotOccur() {
    assertThat(slugs("the Odesa")).containsExactly("interview-insuring-ships");
  }

  @Test
  void sortingByDateGivesTheNewestFirst() {
    SearchRequest byDate = SearchRequest.text("grain wheat").withOrder(true);
    SearchResults results = search.search(SearchRequest.text("wheat").withOrder(true));
    assertThat(results.hits()).extracting(hit -> hit.summary().slug()).containsExactly("grain-corridor-reopens");
    assertThat(search.search(byDate).request().byDate()).isTrue();
    assertThat(search.search(SearchRequest.text("").withOrder(true)).hits()).extracting(hit -> hit.summary().slug())
        .startsWith("election-cyber-defence", "gas-pipeline-transit", "interview-insuring-ships");
  }

  @Test
  void russianFormsOfARegionsNameFindTheRegionsPieces() {
    // tagged Armenia (its Russian name "Армения"); "Армении" is what a reader writes after "в"
    List<String> armenia = List.of("border-commissions-explained", "remittances-armenia", "granitsy-komissii",
        "sahmanazatum");
    assertThat(slugs("Армения")).containsExactlyInAnyOrderElementsOf(armenia);
    assertThat(slugs("Армении")).containsExactlyInAnyOrderElementsOf(armenia);
  }

  @Test
  void armenianFormsOfARegionsNameFindTheRegionsPiecesTheOneSayingItFirst() {
    // "Հայաստանում" (in Armenia): the body of sahmanazatum has "Հայաստանի"; the others are tagged Armenia ("Հայաստան")
    assertThat(slugs("Հայաստանում")).first().isEqualTo("sahmanazatum");
    assertThat(slugs("Հայաստանում")).containsExactlyInAnyOrder("sahmanazatum", "border-commissions-explained",
        "remittances-armenia", "granitsy-komissii");
  }

  @Test
  void russianFormsOfATopicsNameFindAsManyAsTheName() {
    assertThat(slugs("энергетики")).containsExactlyInAnyOrderElementsOf(slugs("энергетика"))
        .contains("water-irrigation-central-asia");
  }
}
