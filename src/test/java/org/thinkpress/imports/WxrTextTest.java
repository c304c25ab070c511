package org.thinkpress.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** WordPress's ways of writing slugs, languages and logins, undone. */
class WxrTextTest {

  @Test
  void aPercentEncodedSlugIsDecodedAsUtf8() {
    assertThat(WxrText.decodeSlug("%d0%ba%d0%b0%d1%81%d0%bf%d0%b8%d0%b9")).isEqualTo("каспий");
    assertThat(WxrText.decodeSlug("%D5%B0%D5%A1%D5%B5-2024")).isEqualTo("հայ-2024");
  }

  @Test
  void aSlugThatIsNotPercentEncodedUtf8StaysAsWritten() {
    assertThat(WxrText.decodeSlug("c++-and-policy")).isEqualTo("c++-and-policy");
    assertThat(WxrText.decodeSlug("100%-renewable")).isEqualTo("100%-renewable");
    assertThat(WxrText.decodeSlug("%d0")).as("half a character").isEqualTo("%d0");
    assertThat(WxrText.decodeSlug("%e9t%e9")).as("Latin-1 bytes").isEqualTo("%e9t%e9");
    assertThat(WxrText.decodeSlug("уже-кириллица")).isEqualTo("уже-кириллица");
  }

  @Test
  void languagesBecomeBcp47Tags() {
    assertThat(WxrText.languageTag("en-US")).isEqualTo("en-US");
    assertThat(WxrText.languageTag("ru-RU")).isEqualTo("ru-RU");
    assertThat(WxrText.languageTag("en_US")).isEqualTo("en-US");
    assertThat(WxrText.languageTag("pt-br")).isEqualTo("pt-BR");
    assertThat(WxrText.languageTag("hy")).isEqualTo("hy");
    assertThat(WxrText.languageTag("")).isEmpty();
    assertThat(WxrText.languageTag("not a language!")).isEmpty();
  }

  @Test
  void aLoginBecomesTheNameWordpressGivesItsAuthorUrl() {
    assertThat(WxrText.nicename("anna.petrosyan")).isEqualTo("anna-petrosyan");
    assertThat(WxrText.nicename("James Miller")).isEqualTo("james-miller");
    assertThat(WxrText.nicename("j_doe")).isEqualTo("j_doe");
    assertThat(WxrText.nicename("editor@example.org")).isEqualTo("editorexample-org");
    assertThat(WxrText.nicename(" -Admin- ")).isEqualTo("admin");
  }

  @Test
  void tagsAreTagsInEveryWxrVersion() {
    assertThat(WxrText.taxonomy("post_tag")).isEqualTo("tag");
    assertThat(WxrText.taxonomy("tag")).isEqualTo("tag");
    assertThat(WxrText.taxonomy("category")).isEqualTo("category");
    assertThat(WxrText.taxonomy("language")).isEqualTo("language");
  }

  @Test
  void trailingSlashesGo() {
    assertThat(WxrText.withoutTrailingSlash("https://example.org/")).isEqualTo("https://example.org");
    assertThat(WxrText.withoutTrailingSlash("https://example.org")).isEqualTo("https://example.org");
  }
}
