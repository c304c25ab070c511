package org.thinkpress.admin;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.InvalidContentException;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.Slugs;
import org.thinkpress.content.Status;
import org.thinkpress.content.Taxonomy;

/** Reading the admin's forms (ids in paths, the publication form, times in the site's zone) and their topic and region choices. */
final class Forms {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private Forms() {}

  /** A numeric id from a path; anything else is a page that does not exist. */
  static long id(String value) {
    if (value == null || !value.matches("[1-9][0-9]{0,17}")) {
      throw new ContentNotFoundException("item", value == null ? "" : value.length() > 20 ? value.substring(0, 20) : value);
    }
    return Long.parseLong(value);
  }

  /** The fields of the editing form as an input in draft status; the workflow sets the real status. */
  static PublicationInput publication(Context ctx, ZoneId zone) {
    String title = text(ctx, "title");
    String slug = text(ctx, "slug").strip();
    if (slug.isEmpty()) {
      slug = Slugs.fromTitle(title);
      if (slug.isEmpty()) {
        throw new InvalidContentException("slug is missing, and none can be made from the title: please write one");
      }
    }
    return new PublicationInput(slug, text(ctx, "language").strip(), text(ctx, "translation_group").strip(), title,
        text(ctx, "standfirst"), text(ctx, "body"), text(ctx, "type"), Status.DRAFT,
        instant(ctx.formParam("published_at"), zone, "publication time"), null, "yes".equals(ctx.formParam("featured")),
        list(ctx, "experts"), list(ctx, "topics"), list(ctx, "regions"));
  }

  /** A {@code datetime-local} value in the site's zone; blank is {@code null}. */
  static Instant instant(String value, ZoneId zone, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      String trimmed = value.strip();
      LocalDateTime local = LocalDateTime.parse(trimmed.length() > 16 ? trimmed.substring(0, 16) : trimmed, LOCAL);
      return local.atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidContentException(field + " '" + value + "' is not a date and time such as 2026-05-01T09:30");
    }
  }

  static String local(Instant instant, ZoneId zone) {
    return instant == null ? "" : LOCAL.format(instant.atZone(zone).truncatedTo(ChronoUnit.MINUTES));
  }

  static String text(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value;
  }

  /** The topics as options or checkboxes, those in {@code chosen} selected. */
  static List<AdminViews.Choice> topics(Taxonomy taxonomy, Collection<String> chosen) {
    return taxonomy.topics().stream().map(t -> new AdminViews.Choice(t.slug(), t.name(), chosen.contains(t.slug())))
        .toList();
  }

  /** The regions as options or checkboxes, those in {@code chosen} selected. */
  static List<AdminViews.Choice> regions(Taxonomy taxonomy, Collection<String> chosen) {
    return taxonomy.regions().stream().map(r -> new AdminViews.Choice(r.slug(), r.name(), chosen.contains(r.slug())))
        .toList();
  }

  /** One choice or none, for {@link #topics} and {@link #regions}. */
  static Collection<String> chosen(String value) {
    return value == null ? List.of() : List.of(value);
  }

  static List<String> list(Context ctx, String name) {
    return ctx.formParams(name).stream().filter(v -> !v.isBlank()).distinct().toList();
  }
}
