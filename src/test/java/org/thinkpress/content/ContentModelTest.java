package org.thinkpress.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thinkpress.content.Fixtures.publication;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of the content model, checked where the values are made. */
class ContentModelTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "water-diplomacy", "2025-review", "x1-y2-z3"})
  void acceptsSlugs(String slug) {
    assertThat(Slugs.isValid(slug)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Water", "water diplomacy", "-lead", "trail-", "double--hyphen", "a/b", "ü", "../x", "a_b"})
  void refusesMalformedSlugs(String slug) {
    assertThat(Slugs.isValid(slug)).isFalse();
  }

  @Test
  void refusesOverlongSlugs() {
    assertThat(Slugs.isValid("a".repeat(Slugs.MAX_LENGTH))).isTrue();
    assertThat(Slugs.isValid("a".repeat(Slugs.MAX_LENGTH + 1))).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Water Diplomacy in the Kura Basin | water-diplomacy-in-the-kura-basin",
      "Экспорт зерна через Чёрное море | eksport-zerna-cherez-chernoe-more",
      "Սահմանազատում | sahmanazatum",
      "Moldova's EU accession: 2025 | moldova-s-eu-accession-2025",
      "Türkiye and the Straits — a note | turkiye-and-the-straits-a-note",
      "!!! | ''"})
  void proposesSlugsFromTitlesInAnyScript(String title, String slug) {
    assertThat(Slugs.fromTitle(title)).isEqualTo(slug);
  }

  @Test
  void proposedSlugsStayWithinTheLimitAtAWordBoundary() {
    String slug = Slugs.fromTitle("word ".repeat(60));

    assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
    assertThat(Slugs.isValid(slug)).isTrue();
  }

  @Test
  void normalisesLanguageTags() {
    assertThat(Languages.require("language", "EN-gb")).isEqualTo("en-GB");
    assertThat(Languages.require("language", "hy")).isEqualTo("hy");
    assertThatThrownBy(() -> Languages.require("language", "english"))
        .hasMessage("language 'english' is not a BCP 47 language tag such as en, ru, hy or pt-BR");
    assertThat(Languages.nativeName("ru")).isEqualTo("Русский");
    assertThat(Languages.nativeName("hy")).isEqualTo("Հայերեն");
  }

  @Test
  void aPublicationNeedsATitleAndAValidType() {
    assertThatThrownBy(() -> publication("x").title("  ").build()).isInstanceOf(InvalidContentException.class)
        .hasMessage("title is missing");
    assertThatThrownBy(() -> publication("x").title("Line\nbreak").build())
        .hasMessage("title must be a single line without control characters");
    assertThatThrownBy(() -> publication("x").title("t".repeat(301)).build())
        .hasMessage("title is 301 characters long; the limit is 300");
    assertThatThrownBy(() -> publication("x").type("Policy Brief").build())
        .hasMessage("type 'Policy Brief' is not a valid slug: use lower-case letters a-z, digits and single hyphens, at most 120 characters");
  }

  @Test
  void publishedScheduledAndArchivedPiecesNeedAPublicationTime() {
    assertThatThrownBy(() -> publication("x").status(Status.SCHEDULED).published(null).build())
        .hasMessage("status 'scheduled' needs a publication time in 'published'");
    assertThat(publication("x").status(Status.DRAFT).published(null).build().publishedAt()).isNull();
  }

  @Test
  void anUpdateCannotPrecedePublication() {
    assertThatThrownBy(() -> publication("x").published("2025-05-01T00:00:00Z").updated("2025-04-01T00:00:00Z").build())
        .hasMessage("updated (2025-04-01T00:00:00Z) is before published (2025-05-01T00:00:00Z)");
  }

  @Test
  void listsOfExpertsTopicsAndRegionsHoldEachSlugOnce() {
    assertThatThrownBy(() -> publication("x").topics("energy", "energy").build())
        .hasMessage("topics lists 'energy' twice");
  }

  @Test
  void timesAreKeptToTheMillisecondAndTextsAreTrimmed() {
    PublicationInput input = new PublicationInput("x", "en", " ", "  Title  ", " Standfirst ", "\r\nBody\r\n",
        "analysis", Status.PUBLISHED, Instant.parse("2025-01-01T00:00:00.123456Z"), null, false, null, null, null);

    assertThat(input.publishedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00.123Z"));
    assertThat(input.title()).isEqualTo("Title");
    assertThat(input.standfirst()).isEqualTo("Standfirst");
    assertThat(input.bodyMarkdown()).isEqualTo("Body");
    assertThat(input.translationGroup()).isNull();
    assertThat(input.experts()).isEmpty();
  }

  @Test
  void photoUrlsAreHttpOrSitePaths() {
    assertThat(new ExpertInput("a", "A", Map.of(), "", "", "", "https://example.org/a.jpg").photoUrl())
        .isEqualTo("https://example.org/a.jpg");
    assertThat(new ExpertInput("a", "A", Map.of(), "", "", "", "/assets/a.svg").photoUrl()).isEqualTo("/assets/a.svg");
    for (String bad : List.of("javascript:alert(1)", "//evil.example/a.png", "data:image/png;base64,AA", "/a b.png")) {
      assertThatThrownBy(() -> new ExpertInput("a", "A", Map.of(), "", "", "", bad))
          .hasMessage("photo of expert 'a' '" + bad + "' must be an http(s) URL or a path starting with /");
    }
  }

  @Test
  void localisedNamesNeedValidLanguagesAndFallBackToTheMainName() {
    Topic topic = new Topic(1, "energy", "Energy", Map.of("ru", "Энергетика"), "");

    assertThat(topic.nameIn("ru")).isEqualTo("Энергетика");
    assertThat(topic.nameIn("hy")).isEqualTo("Energy");
    assertThatThrownBy(() -> new TopicInput("energy", "Energy", Map.of("russian", "Энергетика"), ""))
        .hasMessage("names of topic 'energy' language 'russian' is not a BCP 47 language tag such as en, ru, hy or pt-BR");
  }

  @Test
  void publicationTypesAreConfiguredSlugs() {
    assertThat(new PublicationTypes(List.of("analysis", "working-paper")).require("working-paper")).isEqualTo("working-paper");
    assertThatThrownBy(() -> new PublicationTypes(List.of())).hasMessage("content.types must name at least one publication type");
    assertThatThrownBy(() -> new PublicationTypes(List.of("a", "a"))).hasMessage("content.types lists a type twice: [a, a]");
  }

  @Test
  void aFeaturedImageIsAnUploadedImageWithAlternativeText() {
    String url = "/media/0123456789abcdef0123456789abcdef.jpg";

    assertThat(FeaturedImage.of(url, " A port at dusk ", "", null)).isEqualTo(new FeaturedImage(url, "A port at dusk", "", ""));
    assertThat(FeaturedImage.of(" ", "Orphan text", "", "")).isNull();
    assertThatThrownBy(() -> FeaturedImage.of(url, "", "A caption", ""))
        .hasMessage("image_alt is missing: describe what the image shows, for readers who cannot see it");
    assertThatThrownBy(() -> FeaturedImage.of("/media/0123456789abcdef0123456789abcdef.pdf", "A report", "", ""))
        .hasMessage("image '/media/0123456789abcdef0123456789abcdef.pdf' is not an uploaded image; give an address such"
            + " as /media/0123456789abcdef0123456789abcdef.jpg from the media library");
    assertThatThrownBy(() -> FeaturedImage.of("https://elsewhere.example/a.jpg", "A port", "", ""))
        .isInstanceOf(InvalidContentException.class);
  }
}
