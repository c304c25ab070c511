package org.thinkpress.admin;

import io.javalin.http.Context;
import java.util.Collection;
import java.util.List;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.Taxonomy;

/**
 * Reading the admin's forms (ids in paths, text fields, lists of ticked boxes) and their topic and
 * region choices; the publication form is {@link PublicationForm}.
 */
public final class Forms {

  private Forms() {}

  /** A numeric id from a path; anything else is a page that does not exist. */
  public static long id(String value) {
    if (value == null || !value.matches("[1-9][0-9]{0,17}")) {
      throw new ContentNotFoundException("item", value == null ? "" : value.length() > 20 ? value.substring(0, 20) : value);
    }
    return Long.parseLong(value);
  }

  public static String text(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value;
  }

  /** The topics as options or checkboxes, those in {@code chosen} selected. */
  public static List<AdminViews.Choice> topics(Taxonomy taxonomy, Collection<String> chosen) {
    return taxonomy.topics().stream().map(t -> new AdminViews.Choice(t.slug(), t.name(), chosen.contains(t.slug())))
        .toList();
  }

  /** The regions as options or checkboxes, those in {@code chosen} selected. */
  public static List<AdminViews.Choice> regions(Taxonomy taxonomy, Collection<String> chosen) {
    return taxonomy.regions().stream().map(r -> new AdminViews.Choice(r.slug(), r.name(), chosen.contains(r.slug())))
        .toList();
  }

  /** One choice or none, for {@link #topics} and {@link #regions}. */
  public static Collection<String> chosen(String value) {
    return value == null ? List.of() : List.of(value);
  }

  public static List<String> list(Context ctx, String name) {
    return ctx.formParams(name).stream().filter(v -> !v.isBlank()).distinct().toList();
  }
}
