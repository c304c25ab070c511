package org.thinkpress.research;

/**
 * The citation styles a piece's page offers, each an official style of the Citation Style
 * Language project, by its file name in {@code org.citationstyles:styles}.
 */
public enum CitationStyle {
  CHICAGO("Chicago", "chicago-notes-bibliography"),
  APA("APA", "apa"),
  MLA("MLA", "modern-language-association");

  private final String label;
  private final String file;

  CitationStyle(String label, String file) {
    this.label = label;
    this.file = file;
  }

  /** The style's usual name, the same in every language. */
  public String label() {
    return label;
  }

  /** The CSL style's identifier (its file name without {@code .csl}). */
  public String file() {
    return file;
  }
}
