package org.thinkpress.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.app.TestSite;
import org.thinkpress.content.Listing;
import org.thinkpress.content.Region;
import org.thinkpress.content.Topic;

/**
 * The names of topics, regions and experts are searched in each language's analysis, on the demo
 * site: a Russian reader writes "в Армении" and "энергетики", not the names' dictionary forms.
 */
class TaxonomyNamesSearchTest {

  static TestSite site;
  static Search search;

  @BeforeAll
  static void start() {
    site = TestSite.withDemoContent();
    search = site.serving().search();
    long version = site.app().contentReader().version().current();
    assertThat(search.awaitVersion(version, 30_000)).as("searches see content version " + version).isTrue();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static long total(String query) {
    return search.search(SearchRequest.text(query)).total();
  }

  static long taggedWith(Region region) {
    return site.app().contentReader().count(Listing.regions(site.app().contentReader().taxonomy().selfAndDescendants(region)));
  }

  @Test
  void anInflectedRussianRegionNameFindsWhatItsNameFinds() {
    Region armenia = site.app().contentReader().taxonomy().region("armenia").orElseThrow();
    assertThat(total("Армения")).isGreaterThanOrEqualTo(taggedWith(armenia));
    assertThat(total("Армении")).isEqualTo(total("Армения"));
    assertThat(total("Армении")).isGreaterThanOrEqualTo(taggedWith(armenia));
  }

  @Test
  void anInflectedRussianTopicNameFindsAsManyAsItsName() {
    Topic energy = site.app().contentReader().taxonomy().topic("energy").orElseThrow();
    long tagged = site.app().contentReader().count(Listing.topic(energy.id()));
    assertThat(total("энергетика")).isGreaterThanOrEqualTo(tagged);
    assertThat(total("энергетики")).isEqualTo(total("энергетика"));
  }

  @Test
  void anArmenianRegionNameIsStemmedToo() {
    assertThat(total("Հայաստանի")).isEqualTo(total("Հայաստան")).isPositive();
  }
}
