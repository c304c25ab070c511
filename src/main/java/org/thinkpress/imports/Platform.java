package org.thinkpress.imports;

import java.util.Locale;
import java.util.function.Supplier;

/** The platforms an institute moves in from, each with its export's reader and its bodies' habits. */
public enum Platform {
  WORDPRESS(WxrReader::new, Flavour.WORDPRESS),
  GHOST(GhostReader::new, Flavour.GHOST),
  SUBSTACK(SubstackReader::new, Flavour.SUBSTACK);

  private final Supplier<SourceReader> reader;
  final Flavour flavour;

  Platform(Supplier<SourceReader> reader, Flavour flavour) {
    this.reader = reader;
    this.flavour = flavour;
  }

  SourceReader reader() {
    return reader.get();
  }

  /** {@code wordpress}, {@code ghost}, {@code substack}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
