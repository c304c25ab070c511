package org.thinkpress.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ContrastTest {

  @Test
  void blackOnWhiteIsTwentyOneToOneAndTheSameColourIsOneToOne() {
    assertThat(Contrast.ratio("#000000", "#ffffff")).isCloseTo(21.0, within(1e-9));
    assertThat(Contrast.ratio("#fff", "#000")).isCloseTo(21.0, within(1e-9));
    assertThat(Contrast.ratio("#1b3a5c", "#1b3a5c")).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void yellowOnWhiteIsRefusedWithTheMeasuredRatio() {
    assertThatThrownBy(() -> Contrast.requireTextContrast("#FFFF00", "#ffffff", "white"))
        .isInstanceOf(InvalidColourException.class)
        .hasMessage("#ffff00 on white has contrast 1.07:1; text needs at least 4.5:1");
  }

  @Test
  void aColourJustBelowTheLineIsRefusedAndOneAboveItIsStoredInLowerCase() {
    // #777777 on white measures 4.478...:1, which must not read as 4.50
    assertThatThrownBy(() -> Contrast.requireTextContrast("#777", "#fff", "white"))
        .hasMessage("#777777 on white has contrast 4.47:1; text needs at least 4.5:1");
    assertThat(Contrast.requireTextContrast("#1B3A5C", "#ffffff", "white")).isEqualTo("#1b3a5c");
  }

  @Test
  void aLightAccentIsRefusedOnTheDarkBackgroundByName() {
    assertThatThrownBy(() -> Contrast.requireTextContrast("#1b3a5c", "#121212", "the dark background"))
        .hasMessageStartingWith("#1b3a5c on the dark background has contrast 1.")
        .hasMessageEndingWith(":1; text needs at least 4.5:1");
  }

  @Test
  void somethingThatIsNotAColourIsRefusedNamingIt() {
    assertThatThrownBy(() -> Contrast.normalise("red; background:url(x)"))
        .isInstanceOf(InvalidColourException.class)
        .hasMessage("'red; background:url(x)' is not a colour; write it as #rrggbb, for example #1b3a5c");
  }
}
