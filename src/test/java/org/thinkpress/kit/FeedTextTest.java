package org.thinkpress.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedTextTest {

  @Test
  void markupIsEscapedSoThatItReadsAsText() {
    assertThat(FeedText.html("<img src=x onerror=alert(1)>")).isEqualTo("&lt;img src=x onerror=alert(1)>");
    assertThat(FeedText.html("&lt;b&gt; &#60; &copy")).isEqualTo("&amp;lt;b&amp;gt; &amp;#60; &amp;copy");
  }

  @Test
  void textWithNothingAnHtmlParserWouldReadIsLeftAsItIs() {
    assertThat(FeedText.html("Energy & Security: 2 > 1, \"quoted\" and 'quoted' — Երևան 🙂"))
        .isEqualTo("Energy & Security: 2 > 1, \"quoted\" and 'quoted' — Երևան 🙂");
  }

  @Test
  void whatXmlCannotCarryIsLeftOutAndCarriageReturnsBecomeLineFeeds() {
    assertThat(FeedText.html("a\u0000b\u0007c\u001bd\uFFFEe\uD800f\tg\r\nh\ri")).isEqualTo("abcdef\tg\nh\ni");
  }
}
