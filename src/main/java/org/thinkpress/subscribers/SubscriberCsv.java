package org.thinkpress.subscribers;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Jdbi;
import org.thinkpress.content.Region;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.Topic;

/**
 * Subscribers as CSV (RFC 4180, UTF-8, a header row): what an export writes and an import reads.
 * Columns, in any order:
 * <ul>
 * <li>{@code email} (required)</li>
 * <li>{@code consent} (required as a column): how this person agreed to receive mail, such as
 *     "signed up at the 2025 conference". A row that would be confirmed (or paused) without it is
 *     refused: importing is no way around double opt-in.</li>
 * <li>{@code status}: {@code pending}, {@code confirmed}, {@code paused} or {@code unsubscribed};
 *     without the column every row is confirmed (a list kept elsewhere, with its consent).</li>
 * <li>{@code name}, {@code language} (the language preference; default: the site's),
 *     {@code lists}, {@code topics}, {@code regions} (keys or slugs separated by {@code ;}; no list
 *     means the first list, no topic or region means everything), {@code everything}
 *     ({@code yes}/{@code no}).</li>
 * <li>Times, ISO-8601 instants such as {@code 2026-03-02T10:00:00Z}: {@code consent_at},
 *     {@code created_at}, {@code confirmed_at}, {@code unsubscribed_at}, {@code suppressed_at}; and
 *     {@code unsubscribe_reason}, {@code suppression_reason}.</li>
 * </ul>
 * Export writes every column ({@link #EXPORT_COLUMNS}), so that an export imported into an empty
 * database gives the same subscribers, and exported again, the same file byte for byte. What an
 * import does with each row is {@link SubscriberImport}'s.
 *
 * <p>Formula injection: a spreadsheet opening the export would run a cell that starts with
 * {@code = + - @} (or a tab or carriage return) as a formula, and names and consent texts come
 * from the public. Export puts a {@code '} before such a cell, as OWASP advises; import takes
 * exactly that {@code '} off again, so an export imports back unchanged.
 */
final class SubscriberCsv {

  static final List<String> EXPORT_COLUMNS = List.of("email", "name", "status", "language", "lists", "topics", "regions",
      "everything", "consent", "consent_at", "created_at", "confirmed_at", "unsubscribed_at", "unsubscribe_reason",
      "suppressed_at", "suppression_reason");
  private static final Set<String> KNOWN = Set.copyOf(EXPORT_COLUMNS);
  /** What a spreadsheet reads as the start of a formula. */
  private static final String FORMULA_STARTS = "=+-@\t\r";
  static final int MAX_REASON = 200;
  static final int MAX_SUPPRESSION_REASON = 500;

  /**
   * One row as read.
   *
   * @param status the row's status, or {@code null} when the file has no status column
   */
  record Row(int line, String email, SubscriberStatus status, SubscriberStore.Choices choices, String consent,
             Instant consentAt, Instant createdAt, Instant confirmedAt, Instant unsubscribedAt, String unsubscribeReason,
             Instant suppressedAt, String suppressionReason) {

    /** The status the row gives a new subscriber: its own, or confirmed for a list without the column. */
    SubscriberStatus statusOrConfirmed() {
      return status == null ? SubscriberStatus.CONFIRMED : status;
    }

    /** Whether the row records that the person confirmed (and so, by the checks, their consent). */
    boolean recordsConfirmation() {
      return statusOrConfirmed() == SubscriberStatus.CONFIRMED || statusOrConfirmed() == SubscriberStatus.PAUSED;
    }

    boolean suppressed() {
      return suppressedAt != null || !suppressionReason.isEmpty();
    }
  }

  /**
   * The rows of a file, or what is wrong with it ({@code FILE:LINE: reason}).
   *
   * @param notes what the import report should say once about the whole file, such as columns it
   *     does not carry over
   */
  record Parsed(List<Row> rows, List<String> errors, List<String> notes) {

    Parsed(List<Row> rows, List<String> errors) {
      this(rows, errors, List.of());
    }
  }

  private final MailingLists lists;
  private final Taxonomy taxonomy;
  private final String defaultLanguage;

  SubscriberCsv(MailingLists lists, Taxonomy taxonomy, String defaultLanguage) {
    this.lists = lists;
    this.taxonomy = taxonomy;
    this.defaultLanguage = defaultLanguage;
  }

  Parsed parse(Reader csv, String source) {
    List<String> errors = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get().parse(csv)) {
      List<String> header = parser.getHeaderNames();
      for (String column : header) {
        if (!KNOWN.contains(column)) {
          errors.add(source + ":1: unknown column '" + column + "'; known columns: " + String.join(", ", EXPORT_COLUMNS));
        }
      }
      if (!header.contains("email") || !header.contains("consent")) {
        errors.add(source + ":1: the header must name the columns 'email' and 'consent'");
        return new Parsed(List.of(), errors);
      }
      Set<String> seen = new HashSet<>();
      for (CSVRecord record : parser) {
        int line = (int) record.getRecordNumber() + 1;
        try {
          Row row = row(record, line, header);
          if (!seen.add(row.email)) {
            throw new InvalidSubscriptionException("the address is already on an earlier line");
          }
          rows.add(row);
        } catch (InvalidSubscriptionException e) {
          errors.add(source + ":" + line + ": " + e.getMessage());
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      errors.add(source + ": not readable as CSV: " + e.getMessage());
    }
    return new Parsed(errors.isEmpty() ? rows : List.of(), errors);
  }

  private Row row(CSVRecord record, int line, List<String> header) {
    if (!record.isConsistent()) {
      throw new InvalidSubscriptionException("has " + record.size() + " fields; the header has " + header.size());
    }
    String email = EmailAddresses.normalize(value(record, "email"));
    String statusValue = value(record, "status");
    SubscriberStatus status = header.contains("status") ? status(statusValue) : null;
    String consent = value(record, "consent");
    if (consent.length() > 500) {
      throw new InvalidSubscriptionException("the consent is longer than 500 characters");
    }
    String unsubscribeReason = limited(record, "unsubscribe_reason", MAX_REASON);
    String suppressionReason = limited(record, "suppression_reason", MAX_SUPPRESSION_REASON);
    Row row = new Row(line, email, status, choices(record), consent, time(record, "consent_at"),
        time(record, "created_at"), time(record, "confirmed_at"), time(record, "unsubscribed_at"), unsubscribeReason,
        time(record, "suppressed_at"), suppressionReason);
    if (row.recordsConfirmation() && consent.isBlank()) {
      throw new InvalidSubscriptionException("no consent recorded for this address");
    }
    return row;
  }

  private static SubscriberStatus status(String value) {
    try {
      return SubscriberStatus.ofKey(value.toLowerCase(Locale.ROOT));
    } catch (InvalidSubscriptionException e) {
      throw new InvalidSubscriptionException("status '" + value + "' is not one of pending, confirmed, paused,"
          + " unsubscribed");
    }
  }

  private SubscriberStore.Choices choices(CSVRecord record) {
    String name = SubscriberService.cleanName(value(record, "name"));
    String language = value(record, "language");
    String tag = language.isEmpty() ? defaultLanguage : SubscriberService.languageTag(language)
        .orElseThrow(() -> new InvalidSubscriptionException("language '" + language
            + "' is not a language tag such as en or ru"));
    Set<String> listKeys = new LinkedHashSet<>();
    for (String key : split(value(record, "lists"))) {
      listKeys.add(lists.require(key).key());
    }
    if (listKeys.isEmpty()) {
      listKeys.add(lists.first().key());
    }
    Set<Long> topics = new LinkedHashSet<>();
    for (String slug : split(value(record, "topics"))) {
      topics.add(taxonomy.topic(slug).map(Topic::id)
          .orElseThrow(() -> new InvalidSubscriptionException("unknown topic '" + slug + "'")));
    }
    Set<Long> regions = new LinkedHashSet<>();
    for (String slug : split(value(record, "regions"))) {
      regions.add(taxonomy.region(slug).map(Region::id)
          .orElseThrow(() -> new InvalidSubscriptionException("unknown region '" + slug + "'")));
    }
    String everythingValue = value(record, "everything").toLowerCase(Locale.ROOT);
    if (!Set.of("", "yes", "no", "true", "false", "1", "0").contains(everythingValue)) {
      throw new InvalidSubscriptionException("everything is '" + everythingValue + "'; write yes or no");
    }
    boolean everything = Set.of("yes", "true", "1").contains(everythingValue) || (topics.isEmpty() && regions.isEmpty());
    return new SubscriberStore.Choices(name, tag, everything, listKeys, everything ? Set.of() : topics,
        everything ? Set.of() : regions);
  }

  private static Instant time(CSVRecord record, String column) {
    String value = value(record, column);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidSubscriptionException(column + " '" + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
          + "' is not a time such as 2026-03-02T10:00:00Z");
    }
  }

  private static String limited(CSVRecord record, String column, int max) {
    String value = value(record, column);
    if (value.length() > max) {
      throw new InvalidSubscriptionException("the " + column.replace('_', ' ') + " is longer than " + max + " characters");
    }
    return value;
  }

  private static String value(CSVRecord record, String column) {
    return record.isMapped(column) && record.isSet(column) ? unescapeFormula(record.get(column).strip()) : "";
  }

  /** A cell a spreadsheet would take for a formula, with a {@code '} in front; others unchanged. */
  static String escapeFormula(String cell) {
    return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }

  /** Undoes {@link #escapeFormula}. */
  static String unescapeFormula(String cell) {
    return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
        ? cell.substring(1) : cell;
  }

  private static List<String> split(String value) {
    return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  int exportTo(Jdbi jdbi, SubscriberStore store, Writer out) {
    Map<Long, String> topicSlugs = new HashMap<>();
    taxonomy.topics().forEach(t -> topicSlugs.put(t.id(), t.slug()));
    Map<Long, String> regionSlugs = new HashMap<>();
    taxonomy.regions().forEach(r -> regionSlugs.put(r.id(), r.slug()));
    int[] count = new int[1];
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
        .setHeader(EXPORT_COLUMNS.toArray(String[]::new)).get())) {
      jdbi.useHandle(handle -> store.forEach(handle, (s, suppression) -> {
        try {
          printer.printRecord(Stream.of(s.email(), s.name(), s.status().key(), s.language(), String.join(";", s.lists()),
              join(s.topicIds(), topicSlugs), join(s.regionIds(), regionSlugs), s.everything() ? "yes" : "no",
              s.consent(), time(s.consentAt()), time(s.createdAt()), time(s.confirmedAt()), time(s.unsubscribedAt()),
              Objects.requireNonNullElse(s.unsubscribeReason(), ""), suppression == null ? "" : time(suppression.at()),
              suppression == null ? "" : suppression.reason())
              .map(SubscriberCsv::escapeFormula).toList());
          count[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count[0];
  }

  private static String time(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  private static String join(Set<Long> ids, Map<Long, String> slugs) {
    return String.join(";", ids.stream().map(slugs::get).filter(Objects::nonNull).sorted().toList());
  }
}
