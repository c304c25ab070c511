package org.thinkpress.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thinkpress.content.Fixtures.publication;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.storage.TestDatabase;

/**
 * Site pages in the store and the reader, and experts' details, on each database: a page is a
 * publication of type {@code page}, read at its own slug, in the sitemap, and out of every listing.
 */
final class PagesStoreTest {

  ContentStore store;
  ContentReader reader;

  @BeforeEach
  void openDatabase(TestDatabase db) {
    ContentVersion version = new ContentVersion(db.database().jdbi());
    store = new ContentStore(db.database().jdbi(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
        new MarkdownRenderer(), PublicationTypes.DEFAULT, version);
    reader = new ContentReader(db.database().jdbi(), version);
    store.importBundle(Fixtures.taxonomy(), n -> {});
  }

  private static PublicationInput page(String slug, String language, String group) {
    return publication(slug).type(PublicationTypes.PAGE).language(language).group(group).experts().topics().regions()
        .body("We are an institute.").build();
  }

  @EachDatabase
  void aPageIsReadAtItsSlugAndNeverListed() {
    store.savePublication(publication("gas-transit").featured().build());
    store.savePublication(page("about", "en", "about"));
    store.savePublication(page("o-nas", "ru", "about"));

    Publication about = reader.publicPage("about").orElseThrow();
    assertThat(about.type()).isEqualTo("page");
    assertThat(about.bodyHtml()).isEqualTo("<p>We are an institute.</p>\n");
    assertThat(reader.publicPublication("about")).isEmpty();
    assertThat(reader.publicPage("gas-transit")).isEmpty();
    assertThat(reader.translations(about)).extracting(PublicationSummary::slug).containsExactly("o-nas");
    assertThat(reader.list(Listing.all(), 1, 10).items()).extracting(PublicationSummary::slug).containsExactly("gas-transit");
    assertThat(reader.count(Listing.all().inLanguage("ru"))).isZero();
    assertThat(reader.latestWithBodies(Listing.all(), 10)).extracting(Publication::slug).containsExactly("gas-transit");
    assertThat(reader.languages()).containsExactly("en");
    assertThat(reader.sitemapEntries()).extracting(SitemapEntry::slug, SitemapEntry::type)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("gas-transit", "analysis"),
            org.assertj.core.groups.Tuple.tuple("about", "page"), org.assertj.core.groups.Tuple.tuple("o-nas", "page"));
  }

  @EachDatabase
  void aPageIsNoFeaturedPieceAndNoOtherMaterial() {
    store.savePublication(publication("gas-transit").build());
    store.savePublication(publication("about-energy").type(PublicationTypes.PAGE).featured().experts().regions()
        .build());

    assertThat(reader.featured()).isEmpty();
    Publication piece = reader.publicPublication("gas-transit").orElseThrow();
    assertThat(reader.sharingTopicsOrRegions(piece, 4)).isEmpty();
  }

  @EachDatabase
  void aPageMayNotTakeARoutesFirstSegmentOrALanguageTag() {
    assertThatThrownBy(() -> store.savePublication(page("search", "en", null)))
        .isInstanceOf(InvalidContentException.class)
        .hasMessage("the page slug 'search' is reserved: /search is an address of the site itself; choose another slug");
    assertThatThrownBy(() -> store.savePublication(page("sitemap-2", "en", null)))
        .hasMessage("the page slug 'sitemap-2' is reserved: /sitemap-2 is an address of the site itself; choose another slug");
    assertThatThrownBy(() -> store.savePublication(page("hy", "en", null)))
        .hasMessage("the page slug 'hy' is kept for a language's home page (/hy/): choose a slug of at least four characters");
    // a publication may be called so: it lives under /publications/
    assertThat(store.savePublication(publication("search").build()).slug()).isEqualTo("search");
    assertThat(reader.publicPage("search")).isEmpty();
  }

  @EachDatabase
  void anExpertKeepsAreasLanguagesAndAMediaContact() {
    store.saveExpert(new ExpertInput("ana-beridze", "Ana Beridze", Map.of(), "Fellow", "", "Bio.", null,
        Map.of("website", "https://ana.example"), List.of("Energy security", "Gas transit", "energy security"),
        List.of("EN", "ru", "hy"), "+374 10 123456"));

    Expert ana = reader.taxonomy().expert("ana-beridze").orElseThrow();
    assertThat(ana.expertise()).containsExactly("Energy security", "Gas transit");
    assertThat(ana.languages()).containsExactly("en", "ru", "hy");
    assertThat(ana.mediaContact()).isEqualTo("+374 10 123456");
    assertThat(ana.links()).containsEntry("website", "https://ana.example");
    assertThat(ana.toInput().mediaContact()).isEqualTo("+374 10 123456");
  }

  @EachDatabase
  void aMediaContactIsAnEmailAddressOrAPhoneNumber() {
    assertThatThrownBy(() -> new ExpertInput("ana", "Ana", Map.of(), "", "", "", null, Map.of(), List.of(), List.of(),
        "call the office"))
        .hasMessage("media contact of expert 'ana' 'call the office' is neither an email address nor a phone number"
            + " such as +374 10 123456");
    assertThatThrownBy(() -> new ExpertInput("ana", "Ana", Map.of(), "", "", "", null, Map.of(), List.of(),
        List.of("english"), ""))
        .hasMessage("language of expert 'ana' 'english' is not a BCP 47 language tag such as en, ru, hy or pt-BR");
    assertThat(new ExpertInput("ana", "Ana", Map.of(), "", "", "", null, Map.of(), List.of(), List.of(),
        "press@meridian.example").mediaContact()).isEqualTo("press@meridian.example");
  }
}
