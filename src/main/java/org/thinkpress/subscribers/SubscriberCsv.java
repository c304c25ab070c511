package org.thinkpress.subscribers;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 * Subscribers as CSV (RFC 4180, UTF-8, a header row). Columns, in any order:
 * <ul>
 * <li>{@code email} (required)</li>
 * <li>{@code consent} (required): how and when this person agreed to receive mail, such as
 *     "signed up at the 2025 conference". A row without it is refused: importing is no way
 *     around double opt-in.</li>
 * <li>{@code name}, {@code language} (default: the site's), {@code lists}, {@code topics},
 *     {@code regions} (keys or slugs separated by {@code ;}; no list means the first list, no
 *     topic or region means everything), {@code everything} ({@code yes}/{@code no}).</li>
 * </ul>
 * Export writes the same columns plus {@code status}, {@code created_at} and {@code confirmed_at},
 * so an export can be imported again.
 *
 * <p>Formula injection: a spreadsheet opening the export would run a cell that starts with
 * {@code = + - @} (or a tab or carriage return) as a formula, and names and consent texts come
 * from the public. Export puts a {@code '} before such a cell, as OWASP advises; import takes
 * exactly that {@code '} off again, so an export imports back unchanged.
 */
final class SubscriberCsv {

  static final List<String> EXPORT_COLUMNS = List.of("email", "name", "status", "language", "lists", "topics", "regions",
      "everything", "consent", "created_at", "confirmed_at");
  private static final Set<String> KNOWN = Set.copyOf(EXPORT_COLUMNS);
  /** What a spreadsheet reads as the start of a formula. */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private final MailingLists lists;
  private final Taxonomy taxonomy;
  private final Clock clock;
  private final String defaultLanguage;

  SubscriberCsv(MailingLists lists, Taxonomy taxonomy, Clock clock, String defaultLanguage) {
    this.defaultLanguage = defaultLanguage;
    this.lists = lists;
    this.taxonomy = taxonomy;
    this.clock = clock;
  }

  private record Row(int line, String email, SubscriberStore.Choices choices, String consent) {}

  ImportReport importFrom(Jdbi jdbi, SubscriberStore store, SubscriberMail mail, Reader csv, String source, boolean dryRun) {
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
        return new ImportReport(dryRun, 0, 0, 0, errors);
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
    if (!errors.isEmpty()) {
      return new ImportReport(dryRun, 0, 0, 0, errors);
    }
    int[] counts = new int[3];
    long now = clock.millis();
    jdbi.useTransaction(handle -> {
      for (Row row : rows) {
        if (store.isSuppressed(handle, row.email)) {
          counts[2]++;
          continue;
        }
        Optional<Subscriber> existing = store.findByEmail(handle, row.email);
        if (existing.isEmpty() && store.wasErased(handle, row.email)) {
          counts[2]++; // asked to be forgotten; only signing up again themselves brings them back
          continue;
        }
        if (existing.isEmpty()) {
          counts[0]++;
          if (!dryRun) {
            store.insert(handle, row.email, SubscriberStatus.CONFIRMED, row.choices, row.consent, now);
          }
          continue;
        }
        Subscriber subscriber = existing.get();
        if (subscriber.status() == SubscriberStatus.UNSUBSCRIBED) {
          counts[2]++;
          continue;
        }
        counts[1]++;
        if (!dryRun) {
          store.replaceChoices(handle, subscriber.id(), merged(subscriber, row.choices));
          if (subscriber.status() == SubscriberStatus.PENDING) {
            store.setStatus(handle, subscriber.id(), SubscriberStatus.CONFIRMED, now);
            handle.createUpdate("UPDATE subscribers SET consent = :consent WHERE id = :id")
                .bind("consent", row.consent).bind("id", subscriber.id()).execute();
          }
        }
      }
    });
    return new ImportReport(dryRun, counts[0], counts[1], counts[2], List.of());
  }

  private static SubscriberStore.Choices merged(Subscriber existing, SubscriberStore.Choices imported) {
    Set<String> mergedLists = new TreeSet<>(existing.lists());
    mergedLists.addAll(imported.lists());
    boolean everything = existing.everything() || imported.everything();
    Set<Long> topics = new TreeSet<>(existing.topicIds());
    Set<Long> regions = new TreeSet<>(existing.regionIds());
    if (!everything) {
      topics.addAll(imported.topicIds());
      regions.addAll(imported.regionIds());
    }
    String name = existing.name().isEmpty() ? imported.name() : existing.name();
    return new SubscriberStore.Choices(name, existing.language(), everything, mergedLists,
        everything ? Set.of() : topics, everything ? Set.of() : regions);
  }

  private Row row(CSVRecord record, int line, List<String> header) {
    if (!record.isConsistent()) {
      throw new InvalidSubscriptionException("has " + record.size() + " fields; the header has " + header.size());
    }
    String email = EmailAddresses.normalize(value(record, "email"));
    String consent = value(record, "consent");
    if (consent.isBlank()) {
      throw new InvalidSubscriptionException("no consent recorded for this address");
    }
    if (consent.length() > 500) {
      throw new InvalidSubscriptionException("the consent is longer than 500 characters");
    }
    String name = SubscriberService.cleanName(value(record, "name"));
    String language = value(record, "language");
    if (!language.isEmpty() && !language.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}")) {
      throw new InvalidSubscriptionException("language '" + language + "' is not a language tag such as en or ru");
    }
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
    return new Row(line, email, new SubscriberStore.Choices(name, language.isEmpty() ? defaultLanguage : language, everything,
        listKeys, everything ? Set.of() : topics, everything ? Set.of() : regions), consent);
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
      jdbi.useHandle(handle -> store.forEach(handle, s -> {
        try {
          printer.printRecord(Stream.of(s.email(), s.name(), s.status().key(), s.language(), String.join(";", s.lists()),
              join(s.topicIds(), topicSlugs), join(s.regionIds(), regionSlugs), s.everything() ? "yes" : "no",
              s.consent(), s.createdAt().toString(), s.confirmedAt() == null ? "" : s.confirmedAt().toString())
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

  private static String join(Set<Long> ids, Map<Long, String> slugs) {
    return String.join(";", ids.stream().map(slugs::get).filter(java.util.Objects::nonNull).sorted().toList());
  }

  static Instant parseTime(String value) {
    return value.isEmpty() ? null : Instant.parse(value);
  }
}
