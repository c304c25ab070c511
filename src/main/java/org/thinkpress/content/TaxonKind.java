package org.thinkpress.content;

import java.util.Locale;

/** The three kinds of taxon a publication links to: its experts, topics and regions. */
public enum TaxonKind {
  EXPERT("experts", "publication_experts", "expert_id"),
  TOPIC("topics", "publication_topics", "topic_id"),
  REGION("regions", "publication_regions", "region_id");

  final String table;
  final String linkTable;
  final String linkColumn;

  TaxonKind(String table, String linkTable, String linkColumn) {
    this.table = table;
    this.linkTable = linkTable;
    this.linkColumn = linkColumn;
  }

  /** The singular lower-case word: {@code expert}, {@code topic}, {@code region}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The plural, as in URLs: {@code experts}, {@code topics}, {@code regions}. */
  public String plural() {
    return table;
  }

  /** The kind its plural names ({@code topics}), or a {@link ContentNotFoundException}. */
  public static TaxonKind ofPlural(String plural) {
    for (TaxonKind kind : values()) {
      if (kind.table.equals(plural)) {
        return kind;
      }
    }
    throw new ContentNotFoundException("kind of taxonomy", plural);
  }
}
