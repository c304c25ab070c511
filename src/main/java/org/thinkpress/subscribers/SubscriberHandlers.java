package org.thinkpress.subscribers;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thinkpress.accounts.Accounts.Signed;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminPages;
import org.thinkpress.admin.AdminRoutes;
import org.thinkpress.admin.AdminViews.Choice;
import org.thinkpress.admin.Forms;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.Region;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.Topic;
import org.thinkpress.kit.Messages;
import org.thinkpress.subscribers.SubscriberAdminViews.Count;
import org.thinkpress.subscribers.SubscriberAdminViews.ImportPage;
import org.thinkpress.subscribers.SubscriberAdminViews.SubscriberPage;
import org.thinkpress.subscribers.SubscriberAdminViews.SubscriberRow;
import org.thinkpress.subscribers.SubscriberAdminViews.SubscribersPage;

/**
 * Subscribers in the admin: search with counts, one subscriber, suppress, erase, CSV import (dry
 * run first) and export. Personal data, so admins only (see {@link AdminRoutes}).
 */
public final class SubscriberHandlers implements AdminRoutes.Section {

  static final int PAGE_SIZE = 50;
  /** The largest CSV accepted from the import form. */
  static final int MAX_CSV_CHARS = 8 * 1024 * 1024;

  private final SubscriberService subscribers;
  private final ContentStore content;
  private final AdminPages pages;
  private final Messages names = Messages.of("en");
  private final Clock clock;

  public SubscriberHandlers(SubscriberService subscribers, ContentStore content, AdminPages pages, Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    this.subscribers = requireNonNull(subscribers, "subscribers");
    this.content = requireNonNull(content, "content");
    this.pages = requireNonNull(pages, "pages");
  }

  /**
   * Subscribers are personal data: admins only, reading included (an editor composing a campaign
   * sees only the number of recipients).
   */
  @Override
  public void register(AdminRoutes routes) {
    routes.gated(HandlerType.GET, "/admin/subscribers", Role.ADMIN, this::list);
    routes.gated(HandlerType.GET, "/admin/subscribers/import", Role.ADMIN, this::importForm);
    routes.gated(HandlerType.POST, "/admin/subscribers/import", Role.ADMIN, this::importCsv);
    routes.gated(HandlerType.GET, "/admin/subscribers/export.csv", Role.ADMIN, this::export);
    routes.gated(HandlerType.GET, "/admin/subscribers/{id}", Role.ADMIN, this::show);
    routes.gated(HandlerType.POST, "/admin/subscribers/{id}/suppress", Role.ADMIN, this::suppress);
    routes.gated(HandlerType.GET, "/admin/subscribers/{id}/erase", Role.ADMIN, this::confirmErase);
    routes.gated(HandlerType.POST, "/admin/subscribers/{id}/erase", Role.ADMIN, this::erase);
  }

  void list(Context ctx, Signed signed) {
    Taxonomy taxonomy = content.taxonomy();
    String text = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
    String status = blankToNull(ctx.queryParam("status"));
    String list = blankToNull(ctx.queryParam("list"));
    String topic = blankToNull(ctx.queryParam("topic"));
    String region = blankToNull(ctx.queryParam("region"));
    if (list != null) {
      subscribers.lists().require(list);
    }
    Long topicId = topic == null ? null : taxonomy.topic(topic).map(Topic::id)
        .orElseThrow(() -> new InvalidSubscriptionException("unknown topic '" + abbreviate(topic) + "'"));
    Long regionId = region == null ? null : taxonomy.region(region).map(Region::id)
        .orElseThrow(() -> new InvalidSubscriptionException("unknown region '" + abbreviate(region) + "'"));
    int page = pageNumber(ctx.queryParam("page"));
    SubscriberQuery query = new SubscriberQuery(text, status == null ? null : SubscriberStatus.ofKey(status), list,
        topicId, regionId, page, PAGE_SIZE);
    long total = subscribers.count(query);
    long pageCount = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    List<SubscriberRow> rows = subscribers.search(query).stream()
        .map(s -> new SubscriberRow("/admin/subscribers/" + s.id(), s.email(), s.name(), s.status().key(),
            String.join(", ", s.lists()), pages.date(s.createdAt())))
        .toList();
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("q", text);
    filters.put("status", status);
    filters.put("list", list);
    filters.put("topic", topic);
    filters.put("region", region);
    SubscriberCounts counts = subscribers.counts();
    pages.render(ctx, 200, "subscribers/admin/subscribers", pages.chrome(ctx, signed, "Subscribers", "subscribers", null),
        new SubscribersPage(text, statusChoices(status), listChoices(list), Forms.topics(taxonomy, Forms.chosen(topic)),
            Forms.regions(taxonomy, Forms.chosen(region)), rows, total, page, pageCount,
            page > 1 ? href(filters, page - 1) : null, page < pageCount ? href(filters, page + 1) : null,
            statusCounts(counts), listCounts(counts), topicCounts(counts, taxonomy), regionCounts(counts, taxonomy),
            counts.everything(), counts.suppressed()));
  }

  void show(Context ctx, Signed signed) {
    Subscriber s = subscriber(ctx);
    Taxonomy taxonomy = content.taxonomy();
    String base = "/admin/subscribers/" + s.id();
    pages.render(ctx, 200, "subscribers/admin/subscriber", pages.chrome(ctx, signed, s.email(), "subscribers", null),
        new SubscriberPage(s.id(), s.email(), s.name(), s.status().key(), s.language(),
            s.lists().stream().map(key -> subscribers.lists().nameOf(key, names)).toList(),
            taxonomy.topics(List.copyOf(s.topicIds())).stream().map(Topic::name).sorted().toList(),
            taxonomy.regions(List.copyOf(s.regionIds())).stream().map(Region::name).sorted().toList(),
            s.everything(), pages.date(s.createdAt()), pages.date(s.confirmedAt()), s.consent(),
            subscribers.suppression(s.email()).orElse(null), base + "/suppress", base + "/erase", base + "/erase"));
  }

  void suppress(Context ctx, Signed signed) {
    Subscriber s = subscriber(ctx);
    String reason = Forms.text(ctx, "reason").strip();
    if (reason.isEmpty()) {
      throw new InvalidSubscriptionException("write why the address is suppressed");
    }
    subscribers.suppress(s.email(), "by " + signed.account().email() + ": " + reason);
    AdminPages.seeOther(ctx, "/admin/subscribers/" + s.id() + "?done=suppressed");
  }

  /** The confirmation step before erasing. */
  void confirmErase(Context ctx, Signed signed) {
    Subscriber s = subscriber(ctx);
    pages.render(ctx, 200, "subscribers/admin/subscriber-erase", pages.chrome(ctx, signed, "Erase " + s.email(), "subscribers", null),
        new SubscriberPage(s.id(), s.email(), s.name(), s.status().key(), s.language(), List.of(), List.of(), List.of(),
            s.everything(), pages.date(s.createdAt()), pages.date(s.confirmedAt()), s.consent(), null, null,
            "/admin/subscribers/" + s.id(), "/admin/subscribers/" + s.id() + "/erase"));
  }

  void erase(Context ctx, Signed signed) {
    Subscriber s = subscriber(ctx);
    subscribers.erase(s.email());
    AdminPages.seeOther(ctx, "/admin/subscribers?done=erased");
  }

  void importForm(Context ctx, Signed signed) {
    pages.render(ctx, 200, "subscribers/admin/subscribers-import", pages.chrome(ctx, signed, "Import subscribers", "subscribers", null),
        new ImportPage(false, true, 0, List.of(), 0, 0, List.of(), List.of(), "", null));
  }

  /**
   * Runs an import from the uploaded file or, after a dry run, from the text it carried. A dry run
   * is the default: the box is ticked on the form, and a request without the form's marker field
   * {@code dry_run_field} is taken as one.
   */
  void importCsv(Context ctx, Signed signed) throws IOException {
    boolean dryRun = "yes".equals(ctx.formParam("dry_run")) || !"present".equals(ctx.formParam("dry_run_field"));
    UploadedFile file = ctx.uploadedFile("file");
    String csv;
    String name;
    if (file != null && file.size() > 0) {
      if (file.size() > MAX_CSV_CHARS) {
        throw new InvalidSubscriptionException("the file is larger than " + MAX_CSV_CHARS / (1024 * 1024) + " MB");
      }
      try (InputStream in = file.content()) {
        csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      name = file.filename() == null || file.filename().isBlank() ? "upload.csv" : file.filename();
    } else {
      csv = Forms.text(ctx, "csv");
      name = Forms.text(ctx, "name").isBlank() ? "upload.csv" : Forms.text(ctx, "name");
    }
    if (csv.isBlank()) {
      throw new InvalidSubscriptionException("choose a CSV file to import");
    }
    name = name.replaceAll("[^A-Za-z0-9._ -]", "_");
    if (name.length() > 100) {
      name = name.substring(0, 100);
    }
    ImportReport report = subscribers.importCsv(new StringReader(csv), name, dryRun);
    pages.render(ctx, report.ok() ? 200 : 400, "subscribers/admin/subscribers-import",
        pages.chrome(ctx, signed, "Import subscribers", "subscribers", null),
        new ImportPage(true, report.dryRun(), report.added(), report.addedByStatus().entrySet().stream()
            .map(e -> new Count(e.getKey().key(), e.getValue(), null)).toList(), report.updated(), report.keptTotal(),
            report.kept().entrySet().stream().map(e -> new Count(e.getKey().description(), e.getValue(),
                e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))).toList(),
            report.errors(), name, report.ok() && report.dryRun() ? csv : null));
  }

  /** Every subscriber as CSV, as a download that no cache keeps. */
  void export(Context ctx, Signed signed) throws IOException {
    AdminPages.noStore(ctx);
    ctx.header("Content-Type", "text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"subscribers-" + LocalDate.now(clock.withZone(pages.zone())) + ".csv\"");
    // exportCsv flushes and closes the writer when done
    Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
    subscribers.exportCsv(out);
  }

  private Subscriber subscriber(Context ctx) {
    long id = Forms.id(ctx.pathParam("id"));
    return subscribers.find(id).orElseThrow(() -> new SubscriberNotFoundException("#" + id));
  }


  private List<Choice> statusChoices(String chosen) {
    List<Choice> choices = new ArrayList<>();
    for (SubscriberStatus status : SubscriberStatus.values()) {
      choices.add(new Choice(status.key(), status.key(), status.key().equals(chosen)));
    }
    return choices;
  }

  private List<Choice> listChoices(String chosen) {
    return subscribers.lists().all().stream()
        .map(l -> new Choice(l.key(), l.nameIn(names), l.key().equals(chosen))).toList();
  }

  private static List<Count> statusCounts(SubscriberCounts counts) {
    List<Count> result = new ArrayList<>();
    for (SubscriberStatus status : SubscriberStatus.values()) {
      result.add(new Count(status.key(), counts.byStatus().getOrDefault(status.key(), 0L),
          "/admin/subscribers?status=" + status.key()));
    }
    return result;
  }

  private List<Count> listCounts(SubscriberCounts counts) {
    List<Count> result = new ArrayList<>();
    for (MailingList list : subscribers.lists().all()) {
      result.add(new Count(list.nameIn(names), counts.byList().getOrDefault(list.key(), 0L),
          "/admin/subscribers?status=confirmed&list=" + AdminPages.encode(list.key())));
    }
    return result;
  }

  private static List<Count> topicCounts(SubscriberCounts counts, Taxonomy taxonomy) {
    return taxonomy.topics().stream().filter(t -> counts.byTopic().containsKey(t.id()))
        .map(t -> new Count(t.name(), counts.byTopic().get(t.id()),
            "/admin/subscribers?status=confirmed&topic=" + AdminPages.encode(t.slug())))
        .toList();
  }

  private static List<Count> regionCounts(SubscriberCounts counts, Taxonomy taxonomy) {
    return taxonomy.regions().stream().filter(r -> counts.byRegion().containsKey(r.id()))
        .map(r -> new Count(r.name(), counts.byRegion().get(r.id()),
            "/admin/subscribers?status=confirmed&region=" + AdminPages.encode(r.slug())))
        .toList();
  }

  private static String href(Map<String, String> filters, int page) {
    StringBuilder href = new StringBuilder("/admin/subscribers?");
    filters.forEach((name, value) -> {
      if (value != null && !value.isEmpty()) {
        href.append(name).append('=').append(AdminPages.encode(value)).append('&');
      }
    });
    return href.append("page=").append(page).toString();
  }

  private static int pageNumber(String value) {
    if (value == null || !value.matches("[1-9][0-9]{0,6}")) {
      return 1;
    }
    return Integer.parseInt(value);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String abbreviate(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }
}
