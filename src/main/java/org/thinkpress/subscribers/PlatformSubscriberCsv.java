package org.thinkpress.subscribers;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.thinkpress.subscribers.SubscriberCsv.Parsed;
import org.thinkpress.subscribers.SubscriberCsv.Row;

/**
 * Reads the subscriber CSV of Substack or Ghost into the rows of {@link SubscriberCsv}, so that
 * {@link SubscriberImport}'s rules apply to them unchanged: nobody who left here, is suppressed
 * or was erased is subscribed again, and a second import of the same file changes nothing.
 *
 * <p>Each row becomes one subscriber:
 * <ul>
 * <li>{@code email}; {@code name} when the file has the column (Ghost's has).</li>
 * <li>Status: unsubscribed for a Substack row with {@code email_disabled} true, a Ghost member with
 *     {@code subscribed_to_emails} false, or one with a {@code deleted_at}; confirmed otherwise.</li>
 * <li>Consent: "subscribed on Substack on 2023-04-01" or "member of the Ghost site since
 *     2023-04-01", the date of {@code created_at}, which also gives {@code consent_at} and
 *     {@code created_at}. These readers agreed to receive the same publisher's mail on the old
 *     platform, and the institute is moving that publication here: their consent carries over, and the
 *     text says where it was given. A confirmed row without a {@code created_at} is refused.</li>
 * <li>Lists: Ghost's {@code labels} equal to a list's key (case aside) put the member on those
 *     lists; otherwise, as for a ThinkPress file without a {@code lists} column, the first list.
 *     Other labels are not imported, which the report says once. Interests: everything.</li>
 * <li>Substack puts {@code ...@deletion-request.substack.com} in place of the address of someone
 *     who asked to be deleted: such rows are skipped, and the report says how many.</li>
 * </ul>
 * Every other column (paid plans, Stripe ids, notes, tiers...) is ignored: these exports carry
 * many, and new ones appear. A header without the format's {@linkplain
 * SubscriberFormat#missingFrom required columns} is refused, naming those it lacks. Times are
 * ISO-8601, with or without the {@code T}, seconds' fractions or an offset (UTC when none), or a
 * date alone.
 */
final class PlatformSubscriberCsv {

  private static final String SUBSTACK_DELETED = "@deletion-request.substack.com";
  private static final Set<String> TRUE = Set.of("true", "yes", "1");
  private static final Set<String> FALSE = Set.of("false", "no", "0");
  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().optionalStart().appendLiteral('T').optionalEnd().optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().optionalStart().appendLiteral(' ').optionalEnd().appendOffset("+HH:mm", "Z").optionalEnd()
      .optionalEnd().toFormatter(Locale.ROOT);

  private final SubscriberFormat format;
  private final MailingLists lists;
  private final String defaultLanguage;

  PlatformSubscriberCsv(SubscriberFormat format, MailingLists lists, String defaultLanguage) {
    if (format == SubscriberFormat.THINKPRESS) {
      throw new IllegalArgumentException("ThinkPress's own columns are SubscriberCsv's");
    }
    this.format = format;
    this.lists = lists;
    this.defaultLanguage = defaultLanguage;
  }

  Parsed parse(Reader csv, String source) {
    List<String> errors = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    Met met = new Met();
    try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get().parse(csv)) {
      Map<String, Integer> columns = columns(parser.getHeaderNames());
      List<String> missing = format.missingFrom(List.copyOf(columns.keySet()));
      if (!missing.isEmpty()) {
        errors.add(source + ":1: " + notThisFormat(missing, List.copyOf(columns.keySet())));
        return new Parsed(List.of(), errors);
      }
      for (CSVRecord record : parser) {
        int line = (int) record.getRecordNumber() + 1;
        try {
          read(record, line, columns, met).ifPresent(rows::add);
        } catch (InvalidSubscriptionException e) {
          errors.add(source + ":" + line + ": " + e.getMessage());
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      errors.add(source + ": not readable as CSV: " + e.getMessage()); // such as a column named twice
    }
    return errors.isEmpty() ? new Parsed(rows, errors, met.notes()) : new Parsed(List.of(), errors);
  }

  /** What the rows read so far held that matters for the next ones, or for the report. */
  private static final class Met {
    final Set<String> addresses = new HashSet<>();
    final Set<String> otherLabels = new TreeSet<>();
    int deleted;

    List<String> notes() {
      List<String> notes = new ArrayList<>();
      if (!otherLabels.isEmpty()) {
        notes.add("labels are not imported unless a list has their key: " + String.join(", ", otherLabels));
      }
      if (deleted > 0) {
        notes.add("skipped " + deleted + " address(es) at " + SUBSTACK_DELETED.substring(1)
            + ", which Substack puts in place of people who asked to be deleted");
      }
      return notes;
    }
  }

  /** The row a record gives, or none for one to skip. */
  private Optional<Row> read(CSVRecord record, int line, Map<String, Integer> columns, Met met) {
    if (!record.isConsistent()) {
      throw new InvalidSubscriptionException("has " + record.size() + " fields; the header has "
          + record.getParser().getHeaderNames().size());
    }
    Cells cells = new Cells(record, columns);
    String email = EmailAddresses.normalize(cells.get("email"));
    if (format == SubscriberFormat.SUBSTACK && email.endsWith(SUBSTACK_DELETED)) {
      met.deleted++; // a placeholder for someone who asked Substack to delete them: nobody to mail
      return Optional.empty();
    }
    if (!met.addresses.add(email)) {
      throw new InvalidSubscriptionException("the address is already on an earlier line");
    }
    return Optional.of(row(line, email, cells, met.otherLabels));
  }

  /** The header's names, lower-cased, without the byte-order mark a spreadsheet may write, and their positions. */
  private static Map<String, Integer> columns(List<String> header) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
      columns.putIfAbsent(name, i);
    }
    return columns;
  }

  private String notThisFormat(List<String> missing, List<String> header) {
    String message = "the header does not look like " + format.description() + ": it lacks "
        + String.join(", ", missing);
    return Arrays.stream(SubscriberFormat.values())
        .filter(other -> other != format && other.missingFrom(header).isEmpty()).findFirst().map(other -> message + "; it looks like " + other.description()).orElse(message);
  }

  private Row row(int line, String email, Cells cells, Set<String> otherLabels) {
    boolean left = format == SubscriberFormat.SUBSTACK ? yes(cells, "email_disabled")
        : !yes(cells, "subscribed_to_emails") || !cells.get("deleted_at").isEmpty();
    Instant joined = time(cells, "created_at");
    if (joined == null && !left) {
      throw new InvalidSubscriptionException("created_at is empty: the day they joined " + platform()
          + " is the record of their consent");
    }
    String consent = joined == null ? "" : consent(joined);
    SubscriberStatus status = left ? SubscriberStatus.UNSUBSCRIBED : SubscriberStatus.CONFIRMED;
    return new Row(line, email, status, choices(cells, otherLabels), consent, joined, joined, null, null,
        left ? departure() : "", null, "");
  }

  private String platform() {
    return format == SubscriberFormat.SUBSTACK ? "Substack" : "the Ghost site";
  }

  private String consent(Instant joined) {
    LocalDate day = joined.atOffset(ZoneOffset.UTC).toLocalDate();
    return format == SubscriberFormat.SUBSTACK ? "subscribed on Substack on " + day
        : "member of the Ghost site since " + day;
  }

  private String departure() {
    return format == SubscriberFormat.SUBSTACK ? "email disabled on Substack" : "unsubscribed from email on Ghost";
  }

  private SubscriberStore.Choices choices(Cells cells, Set<String> otherLabels) {
    Set<String> listKeys = new LinkedHashSet<>();
    // Ghost writes a member's labels as one cell, comma-separated
    for (String label : cells.get("labels").split(",")) {
      String key = label.strip().toLowerCase(Locale.ROOT);
      if (!key.isEmpty() && lists.find(key).isPresent()) {
        listKeys.add(key);
      } else if (!key.isEmpty()) {
        otherLabels.add(label.strip());
      }
    }
    if (listKeys.isEmpty()) {
      listKeys.add(lists.first().key());
    }
    return new SubscriberStore.Choices(SubscriberService.cleanName(cells.get("name")), defaultLanguage, true, listKeys,
        Set.of(), Set.of());
  }

  private static boolean yes(Cells cells, String column) {
    String value = cells.get(column).toLowerCase(Locale.ROOT);
    if (TRUE.contains(value)) {
      return true;
    }
    if (FALSE.contains(value)) {
      return false;
    }
    throw new InvalidSubscriptionException(column + " is '" + shortened(value) + "'; expected true or false");
  }

  /** A time as these exports write it; {@code null} for an empty cell. */
  private static Instant time(Cells cells, String column) {
    String value = cells.get(column);
    if (value.isEmpty()) {
      return null;
    }
    try {
      TemporalAccessor parsed = TIME.parseBest(value, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      if (parsed instanceof OffsetDateTime time) {
        return time.toInstant();
      }
      if (parsed instanceof LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
      }
      return ((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidSubscriptionException(column + " '" + shortened(value)
          + "' is not a time such as 2023-04-01T10:00:00.000Z");
    }
  }

  private static String shortened(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  /** One record's cells by lower-cased column name; a column the file lacks reads as empty. */
  private record Cells(CSVRecord record, Map<String, Integer> columns) {
    String get(String column) {
      Integer index = columns.get(column);
      return index == null ? "" : SubscriberCsv.unescapeFormula(record.get(index).strip());
    }
  }
}
