package org.thinkpress.subscribers;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, or would do in a dry run. When {@link #errors} is not empty nothing was
 * written: an import is all or nothing.
 *
 * @param addedByStatus new subscribers by the status they were given (the row's, or confirmed
 *     for a list without a status column); every status appears, most with 0
 * @param updated existing subscribers the import changed: lists and interests extended, a
 *     pending one confirmed on a row recording consent, a departure or a suppression recorded
 * @param kept rows that left an existing or erased address as it was, by the rule that kept it;
 *     every rule appears, most with 0
 * @param errors one line per faulty row: {@code FILE:LINE: what is wrong}
 * @param notes what the file held that the import did not carry over, said once for the file
 *     (such as Ghost's labels that name no list here); empty for a ThinkPress file
 */
public record ImportReport(boolean dryRun, Map<SubscriberStatus, Integer> addedByStatus, int updated,
                           Map<Kept, Integer> kept, List<String> errors, List<String> notes) {

  /** Why a row left an address as it was. */
  public enum Kept {
    /** The address is on the suppression list here. */
    SUPPRESSED("suppressed here"),
    /** The address was erased here on request; only signing up again brings it back. */
    ERASED("erased here on request"),
    /** Unsubscribed here: no import subscribes anyone again. */
    UNSUBSCRIBED("unsubscribed here"),
    /** The row says pending: without a recorded confirmation nobody is confirmed, nor are lists added. */
    NOT_CONFIRMED("not confirmed in the file"),
    /** The row says they left, but they confirmed here after that. */
    REJOINED("confirmed here after leaving as the file says"),
    /** Already as the row says. */
    UNCHANGED("already as in the file");

    private final String description;

    Kept(String description) {
      this.description = description;
    }

    /** A few words for reports: "unsubscribed here". */
    public String description() {
      return description;
    }
  }

  public ImportReport {
    addedByStatus = Collections.unmodifiableMap(complete(addedByStatus, SubscriberStatus.class));
    kept = Collections.unmodifiableMap(complete(kept, Kept.class));
    errors = List.copyOf(errors);
    notes = List.copyOf(notes);
  }

  /** A report of a refused file: nothing added, updated or kept. */
  static ImportReport refused(boolean dryRun, List<String> errors) {
    return new ImportReport(dryRun, Map.of(), 0, Map.of(), errors, List.of());
  }

  private static <K extends Enum<K>> Map<K, Integer> complete(Map<K, Integer> counts, Class<K> type) {
    Map<K, Integer> all = new EnumMap<>(type);
    for (K key : type.getEnumConstants()) {
      all.put(key, counts.getOrDefault(key, 0));
    }
    return all;
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  /** How many new subscribers, whatever their status. */
  public int added() {
    return addedByStatus.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** How many rows were kept as they were, whatever the rule. */
  public int keptTotal() {
    return kept.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * The report as lines of text (for the command line): what was added, updated, and kept by each
   * rule, then the notes.
   */
  public List<String> lines() {
    List<String> lines = new java.util.ArrayList<>();
    String would = dryRun ? "would be " : "";
    lines.add(would + "added: " + added() + " (" + String.join(", ", addedByStatus.entrySet().stream()
        .map(e -> e.getKey().key() + " " + e.getValue()).toList()) + ")");
    lines.add(would + "updated: " + updated);
    lines.add("kept as they were: " + keptTotal());
    kept.forEach((rule, count) -> lines.add("  " + rule.description() + ": " + count));
    lines.addAll(notes);
    return lines;
  }
}
