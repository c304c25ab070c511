package org.thinkpress.publishing;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.thinkpress.admin.Forms;
import org.thinkpress.content.Expert;
import org.thinkpress.content.FeaturedImage;
import org.thinkpress.content.InvalidContentException;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.Region;
import org.thinkpress.content.Slugs;
import org.thinkpress.content.Status;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.Topic;
import org.thinkpress.publishing.PublishingViews.OrderedChoice;
import org.thinkpress.publishing.PublishingViews.OrderedList;

/**
 * The publication editing form, which shows every editable field of a piece so that saving it
 * unchanged writes it back unchanged: experts, topics and regions in their order (ticked boxes with
 * position fields and move buttons, {@code experts_position_SLUG}, {@code move=experts:SLUG:up}),
 * and the publication and "updated" times in the site's zone, to the second or millisecond they
 * are stored at.
 */
final class PublicationForm {

  /** The lists whose order the form keeps. */
  static final List<String> ORDERED = List.of("experts", "topics", "regions");

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  private PublicationForm() {}

  /** The form's fields as shown or as submitted: text as typed, slugs in order, times in the site's zone. */
  record Fields(String title, String slug, String language, String translationGroup, String standfirst, String body,
                String type, List<String> experts, List<String> topics, List<String> regions, boolean featured,
                String publishedAt, String updatedAt, ImageFields image) {

    List<String> list(String name) {
      return switch (name) {
        case "experts" -> experts;
        case "topics" -> topics;
        default -> regions;
      };
    }

    Fields withList(String name, List<String> slugs) {
      return new Fields(title, slug, language, translationGroup, standfirst, body, type,
          name.equals("experts") ? slugs : experts, name.equals("topics") ? slugs : topics,
          name.equals("regions") ? slugs : regions, featured, publishedAt, updatedAt, image);
    }
  }

  /** The featured image's fields as shown or submitted: the chosen upload's address ({@code ""} for none) and its texts. */
  record ImageFields(String url, String alt, String caption, String credit) {
    static final ImageFields NONE = new ImageFields("", "", "", "");
  }

  /** A new piece's empty form. */
  static Fields blank(String language, String type) {
    return new Fields("", "", language, "", "", "", type, List.of(), List.of(), List.of(), false, "", "", ImageFields.NONE);
  }

  /** The form filled with a stored piece's fields. */
  static Fields of(PublicationInput input, ZoneId zone) {
    return new Fields(input.title(), input.slug(), input.language(),
        input.translationGroup() == null ? "" : input.translationGroup(), input.standfirst(), input.bodyMarkdown(),
        input.type(), input.experts(), input.topics(), input.regions(), input.featured(), local(input.publishedAt(), zone),
        local(input.updatedAt(), zone), input.image() == null ? ImageFields.NONE : new ImageFields(input.image().url(),
            input.image().alt(), input.image().caption(), input.image().credit()));
  }

  /**
   * The fields a request submitted. With {@code strict}, a position that is not a whole number is
   * refused; otherwise (to show a refused form again) it is left out of the ordering.
   */
  static Fields read(Context ctx, boolean strict) {
    return new Fields(Forms.text(ctx, "title"), Forms.text(ctx, "slug"), Forms.text(ctx, "language"),
        Forms.text(ctx, "translation_group"), Forms.text(ctx, "standfirst"), Forms.text(ctx, "body"),
        Forms.text(ctx, "type"), ordered(ctx, "experts", strict), ordered(ctx, "topics", strict),
        ordered(ctx, "regions", strict), "yes".equals(ctx.formParam("featured")), Forms.text(ctx, "published_at"),
        "yes".equals(ctx.formParam("updated_clear")) ? "" : Forms.text(ctx, "updated_at"),
        new ImageFields(Forms.text(ctx, "image"), Forms.text(ctx, "image_alt"), Forms.text(ctx, "image_caption"),
            Forms.text(ctx, "image_credit")));
  }

  /**
   * The input the fields describe, in draft status (the workflow sets the real one). A time that
   * reads as the stored one in the site's zone is the stored one, to the millisecond, even where
   * the clocks go back and one local time names two instants.
   *
   * @param current the stored piece, or {@code null} for a new one
   */
  static PublicationInput input(Fields fields, ZoneId zone, Publication current) {
    String slug = fields.slug().strip();
    if (slug.isEmpty()) {
      slug = Slugs.fromTitle(fields.title());
      if (slug.isEmpty()) {
        throw new InvalidContentException("slug is missing, and none can be made from the title: please write one");
      }
    }
    return new PublicationInput(slug, fields.language().strip(), fields.translationGroup().strip(), fields.title(),
        fields.standfirst(), fields.body(), fields.type().strip(), Status.DRAFT,
        instant(fields.publishedAt(), zone, "publication time", current == null ? null : current.publishedAt()),
        instant(fields.updatedAt(), zone, "updated time", current == null ? null : current.updatedAt()),
        fields.featured(), fields.experts(), fields.topics(), fields.regions(),
        // the form does not edit these yet: a save keeps what is stored
        current == null ? List.of() : current.keywords(), current == null ? "" : current.seoTitle(),
        current == null ? "" : current.seoDescription(),
        FeaturedImage.of(fields.image().url(), fields.image().alt(), fields.image().caption(), fields.image().credit()));
  }

  /**
   * The fields with one entry moved a place up or down, for the move buttons that order a list
   * without JavaScript: {@code experts:SLUG:up}, {@code topics:SLUG:down}.
   */
  static Fields move(Fields fields, String move) {
    String[] parts = move == null ? new String[0] : move.split(":", -1);
    if (parts.length != 3 || !ORDERED.contains(parts[0]) || !(parts[2].equals("up") || parts[2].equals("down"))) {
      throw new InvalidContentException("cannot move '" + shorten(move) + "': expected a list, a slug and up or down");
    }
    List<String> slugs = new ArrayList<>(fields.list(parts[0]));
    int at = slugs.indexOf(parts[1]);
    if (at < 0) {
      throw new InvalidContentException("cannot move '" + shorten(parts[1]) + "': it is not ticked in " + parts[0]);
    }
    int to = parts[2].equals("up") ? at - 1 : at + 1;
    if (to >= 0 && to < slugs.size()) {
      slugs.set(at, slugs.get(to));
      slugs.set(to, parts[1]);
    }
    return fields.withList(parts[0], List.copyOf(slugs));
  }

  /** Whether the request pressed a move button rather than an action. */
  static boolean moving(Context ctx) {
    return ctx.formParam("move") != null && ctx.formParam("action") == null;
  }

  /**
   * The ticked entries of a list in the order their positions give: numbered ones by number, then
   * those left without one, each group in the order the form lists them. Of two with the same
   * number, the one whose number was changed comes first, so typing 1 moves an entry to the front.
   * Positions of entries not ticked are ignored: unticking removes an entry, whatever its number.
   */
  static List<String> ordered(Context ctx, String name, boolean strict) {
    List<String> ticked = Forms.list(ctx, name);
    record Entry(String slug, int position, boolean renumbered, int index) {}
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < ticked.size(); i++) {
      String slug = ticked.get(i);
      String typed = Forms.text(ctx, positionField(name, slug)).strip();
      int position = Integer.MAX_VALUE;
      if (typed.matches("[1-9][0-9]{0,5}")) {
        position = Integer.parseInt(typed);
      } else if (!typed.isEmpty() && strict) {
        throw new InvalidContentException("the position of " + singular(name) + " '" + shorten(slug)
            + "' must be a whole number from 1, not '" + shorten(typed) + "'");
      }
      entries.add(new Entry(slug, position, position != Integer.MAX_VALUE && position != i + 1, i));
    }
    entries.sort(Comparator.comparingInt(Entry::position).thenComparing(e -> !e.renumbered()).thenComparingInt(Entry::index));
    return entries.stream().map(Entry::slug).toList();
  }

  /** The experts, topics and regions to show: the ticked ones first, in their order, then the others. */
  static List<OrderedList> lists(Taxonomy taxonomy, Fields fields) {
    return List.of(
        list("experts", "Experts", "(in byline order: number the positions, 1 first, or use the arrows)",
            names(taxonomy.experts(), Expert::slug, Expert::name), fields.experts()),
        list("topics", "Topics", "(most important first)", names(taxonomy.topics(), Topic::slug, Topic::name),
            fields.topics()),
        list("regions", "Regions", "(most important first)", names(taxonomy.regions(), Region::slug, Region::name),
            fields.regions()));
  }

  private static <T> Map<String, String> names(List<T> items, Function<T, String> slug, Function<T, String> name) {
    Map<String, String> names = new LinkedHashMap<>();
    items.forEach(item -> names.put(slug.apply(item), name.apply(item)));
    return names;
  }

  /** One list: {@code names} by slug in the taxonomy's order, {@code ticked} in the piece's. */
  private static OrderedList list(String name, String legend, String hint, Map<String, String> names,
                                  List<String> ticked) {
    List<String> shown = ticked.stream().filter(names::containsKey).toList();
    List<OrderedChoice> choices = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      String slug = shown.get(i);
      choices.add(new OrderedChoice(slug, names.get(slug), true, positionField(name, slug), Integer.toString(i + 1),
          i > 0 ? name + ":" + slug + ":up" : null, i < shown.size() - 1 ? name + ":" + slug + ":down" : null));
    }
    names.forEach((slug, label) -> {
      if (!shown.contains(slug)) {
        choices.add(new OrderedChoice(slug, label, false, positionField(name, slug), "", null, null));
      }
    });
    return new OrderedList(name, legend, hint, choices);
  }

  /** The name of the position field of an entry: {@code experts_position_SLUG}. */
  static String positionField(String name, String slug) {
    return name + "_position_" + slug;
  }

  static String singular(String name) {
    return name.substring(0, name.length() - 1);
  }

  /**
   * A time as the form shows it: {@code datetime-local} in the site's zone, with seconds and
   * milliseconds when the stored time has them; blank for none.
   */
  static String local(Instant instant, ZoneId zone) {
    if (instant == null) {
      return "";
    }
    LocalDateTime local = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), zone);
    DateTimeFormatter format = local.getNano() != 0 ? MILLIS : local.getSecond() != 0 ? SECONDS : MINUTES;
    return format.format(local);
  }

  /** The {@code step} a time field needs so that a browser accepts its value as it is; {@code null} for minutes. */
  static String step(String local) {
    return local.length() > 19 ? "0.001" : local.length() > 16 ? "1" : null;
  }

  /**
   * A {@code datetime-local} value in the site's zone (minutes, seconds or milliseconds); blank is
   * {@code null}; the stored instant when the value names it.
   */
  static Instant instant(String value, ZoneId zone, String field, Instant stored) {
    if (value == null || value.isBlank()) {
      return null;
    }
    LocalDateTime local;
    try {
      local = LocalDateTime.parse(value.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new InvalidContentException(field + " '" + shorten(value) + "' is not a date and time such as 2026-05-01T09:30");
    }
    if (stored != null && LocalDateTime.ofInstant(stored, zone).equals(local)) {
      return stored;
    }
    if (zone.getRules().getValidOffsets(local).isEmpty()) {
      throw new InvalidContentException(field + " '" + value.strip() + "' does not exist in " + zone.getId()
          + ": the clocks skip it");
    }
    return local.atZone(zone).toInstant();
  }

  private static String shorten(String value) {
    return value == null ? "" : value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }
}
