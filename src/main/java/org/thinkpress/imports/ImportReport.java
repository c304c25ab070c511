package org.thinkpress.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did, or (in a dry run) would do: counts per kind, every item skipped and why,
 * every transformation that lost or changed something, the media that could not be had, and the
 * mapping used. Printed and written as a file, so that an editor can check the move before the
 * old site's address points here.
 */
public final class ImportReport {

  /** What happened to one thing the source held. */
  public enum Outcome {
    IMPORTED("imported"), UPDATED("updated"), UNCHANGED("unchanged"), SKIPPED("skipped");

    final String word;

    Outcome(String word) {
      this.word = word;
    }
  }

  /** A note on one thing: {@code item} names it as the source does ({@code post 123 "Title"}). */
  public record Note(String item, String what) {
    @Override
    public String toString() {
      return item.isEmpty() ? what : item + ": " + what;
    }
  }

  private final String source;
  private final boolean dryRun;
  private final Map<String, Map<Outcome, Integer>> counts = new TreeMap<>();
  private final List<Note> skipped = new ArrayList<>();
  private final List<Note> losses = new ArrayList<>();
  private final List<Note> missingMedia = new ArrayList<>();
  private final Map<String, String> mapping = new LinkedHashMap<>();
  private final Map<String, Integer> skippedKinds = new TreeMap<>();
  private int redirects;
  private int newRedirects;
  private int mediaBroughtIn;

  ImportReport(String source, boolean dryRun) {
    this.source = source;
    this.dryRun = dryRun;
  }

  void count(String kind, Outcome outcome) {
    counts.computeIfAbsent(kind, k -> new java.util.EnumMap<>(Outcome.class)).merge(outcome, 1, Integer::sum);
  }

  void skip(String kind, String item, String reason) {
    count(kind, Outcome.SKIPPED);
    skipped.add(new Note(item, reason));
  }

  /** Something the export holds that is not content at all (menus, comments): counted by kind only. */
  void leftOut(String kind) {
    skippedKinds.merge(kind, 1, Integer::sum);
  }

  void loss(String item, String what) {
    losses.add(new Note(item, what));
  }

  void missingMedia(String item, String url, String why) {
    missingMedia.add(new Note(item, url + " (" + why + ")"));
  }

  void mediaBroughtIn() {
    mediaBroughtIn++;
  }

  void mapped(String from, String to) {
    mapping.putIfAbsent(from, to);
  }

  void redirect(boolean isNew) {
    redirects++;
    if (isNew) {
      newRedirects++;
    }
  }

  /** How many of a kind ({@code publication}, {@code expert}, {@code topic}, {@code region}, {@code page}) had an outcome. */
  public int countOf(String kind, Outcome outcome) {
    return counts.getOrDefault(kind, Map.of()).getOrDefault(outcome, 0);
  }

  public List<Note> skipped() {
    return Collections.unmodifiableList(skipped);
  }

  public List<Note> losses() {
    return Collections.unmodifiableList(losses);
  }

  public List<Note> missingMedia() {
    return Collections.unmodifiableList(missingMedia);
  }

  public Map<String, String> mapping() {
    return Collections.unmodifiableMap(mapping);
  }

  public int redirects() {
    return redirects;
  }

  public int newRedirects() {
    return newRedirects;
  }

  public int mediaCount() {
    return mediaBroughtIn;
  }

  public boolean dryRun() {
    return dryRun;
  }

  /** The report as text: a summary first, then the lists an editor works through. */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append(dryRun ? "Dry run of the import of " : "Import of ").append(source)
        .append(dryRun ? ": nothing was written; a real run would do this.\n\n" : "\n\n");
    counts.forEach((kind, byOutcome) -> {
      out.append(String.format("%-14s", kind + ":"));
      List<String> parts = new ArrayList<>();
      byOutcome.forEach((outcome, n) -> parts.add(n + " " + outcome.word));
      out.append(String.join(", ", parts)).append('\n');
    });
    out.append(String.format("%-14s%d brought in, %d missing%n", "media:", mediaBroughtIn, missingMedia.size()));
    out.append(String.format("%-14s%d old addresses answer 301 (%d new)%n", "redirects:", redirects, newRedirects));
    if (!skippedKinds.isEmpty()) {
      List<String> parts = new ArrayList<>();
      skippedKinds.forEach((kind, n) -> parts.add(n + " " + kind));
      out.append(String.format("%-14s%s%n", "left out:", String.join(", ", parts)));
    }
    section(out, "Skipped", skipped);
    section(out, "Lost or changed in conversion", losses);
    section(out, "Media that could not be brought in", missingMedia);
    if (!mapping.isEmpty()) {
      out.append("\nMapping used\n");
      mapping.forEach((from, to) -> out.append("  ").append(from).append(" -> ").append(to).append('\n'));
    }
    return out.toString();
  }

  private static void section(StringBuilder out, String title, List<Note> notes) {
    if (notes.isEmpty()) {
      return;
    }
    out.append('\n').append(title).append(" (").append(notes.size()).append(")\n");
    notes.forEach(note -> out.append("  ").append(note).append('\n'));
  }

  @Override
  public String toString() {
    return text();
  }
}
