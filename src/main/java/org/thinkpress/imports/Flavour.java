package org.thinkpress.imports;

/** Which platform's habits a body follows: its markup, shortcodes and cards. */
enum Flavour {
  /** Block markup ({@code <!-- wp:... -->}), classic {@code wpautop} text and shortcodes. */
  WORDPRESS,
  /** Ghost's rendered HTML with its {@code kg-*} cards. */
  GHOST,
  /** Substack's post HTML (captioned images, embeds, footnotes, subscribe widgets). */
  SUBSTACK
}
