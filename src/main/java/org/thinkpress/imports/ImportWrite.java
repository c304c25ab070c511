package org.thinkpress.imports;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.thinkpress.content.ContentImport;
import org.thinkpress.content.ExpertInput;
import org.thinkpress.content.InvalidContentException;
import org.thinkpress.content.PageSlugs;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.PublicationTypes;
import org.thinkpress.content.RegionInput;
import org.thinkpress.content.Status;
import org.thinkpress.content.TaxonKind;
import org.thinkpress.content.TopicInput;
import org.thinkpress.imports.ImportMap.TermRule;
import org.thinkpress.imports.ImportReport.Outcome;
import org.thinkpress.kit.Urls;

/**
 * The part of an import that runs in its transaction: the files, the taxonomy and experts, each
 * piece's slug, the third read that converts and writes the pieces in batches, and the old
 * addresses. Something the site already had and no earlier run of this source wrote (an expert or
 * topic the map points at) is linked to, never overwritten.
 */
final class ImportWrite {

  private static final int BATCH = 50;

  private final ImportRequest request;
  private final SourceReader reader;
  private final ImportIndex index;
  private final ImportNames names;
  private final MediaPlan media;
  private final ItemConverter converter;
  private final Map<String, String> links;
  private final String source;
  private final ImportReport report;
  private final ImportProgress progress;
  private final MediaStore mediaStore;
  private final ImportMap map;
  private final Clock clock;
  private final String fileName;

  /** Per item id: the slug decided and the stored piece it updates (null when new). */
  private final Map<String, String> slugs = new HashMap<>();
  private final Map<String, Long> ids = new HashMap<>();
  /** Per item id updating a stored piece: the fingerprint the last run recorded. */
  private final Map<String, String> fingerprints = new HashMap<>();
  private final Map<String, String> groups = new HashMap<>();
  /** Old address keys of each item, and the items that ended up on the site (or scheduled for it). */
  private final Map<String, List<String>> itemAddresses = new HashMap<>();
  /** Where pieces and pages went ({@code /publications/SLUG}, {@code /SLUG}), to tell them from terms' addresses. */
  private final Set<String> pieceTargets = new HashSet<>();
  private final Set<String> visible = new HashSet<>();

  private ContentImport session;
  private ImportLedger ledger;
  private final List<Pending> pending = new ArrayList<>();

  private record Pending(String itemId, String describe, Long id, PublicationInput input, String fingerprint) {}

  ImportWrite(ImportRequest request, SourceReader reader, ImportIndex index, ImportNames names, MediaPlan media,
      ItemConverter converter, Map<String, String> links, String source, ImportReport report, ImportProgress progress,
      MediaStore mediaStore, ImportMap map, Clock clock) {
    this.request = request;
    this.reader = reader;
    this.index = index;
    this.names = names;
    this.media = media;
    this.converter = converter;
    this.links = links;
    this.source = source;
    this.report = report;
    this.progress = progress;
    this.mediaStore = mediaStore;
    this.map = map;
    this.clock = clock;
    this.fileName = request.file().getFileName().toString();
  }

  ImportReport run(ContentImport session) {
    this.session = session;
    this.ledger = new ImportLedger(session.handle(), source, clock.millis());
    media.store(session.handle(), mediaStore, request.dryRun(), ledger, report);
    media.failures().forEach((url, why) -> report.missingMedia("", url, why));
    try {
      writeTopics();
      writeRegions();
      writeExperts();
    } catch (InvalidContentException e) {
      throw new ImportException(fileName + ": " + e.getMessage()
          + (map.file() == null ? "" : " (check " + map.file() + ")"));
    }
    map.defaultExpert().filter(expert -> !session.taxonExists(TaxonKind.EXPERT, expert)).ifPresent(expert -> {
      throw new ImportException(map.file() + ": defaults: expert '" + expert + "' is neither in the export nor on the site");
    });
    decideSlugs();
    collectAddresses();
    progress.stage("Writing", index.items.size());
    reader.read(request.file(), new SourceVisitor() {
      @Override
      public void item(SourceItem item) {
        progress.advance(1);
        write(item);
      }
    });
    flush();
    recordAddresses();
    return report;
  }

  // --- taxonomy and experts ----------------------------------------------------------------------

  private void writeTopics() {
    for (ImportNames.Taxon<TopicInput> topic : names.topics.values()) {
      writeTaxon("topic", TaxonKind.TOPIC, topic.input().slug(), topic.input(), () -> session.saveTopic(topic.input()));
    }
  }

  private void writeRegions() {
    for (ImportNames.Taxon<RegionInput> region : names.regionsParentsFirst()) {
      writeTaxon("region", TaxonKind.REGION, region.input().slug(), region.input(), () -> session.saveRegion(region.input()));
    }
  }

  private void writeExperts() {
    for (Map.Entry<String, SourceAuthor> entry : names.expertProfiles.entrySet()) {
      SourceAuthor author = entry.getValue();
      String photo = author.photoUrl().isEmpty() ? null : media.stored(author.photoUrl())
          .orElse(media.failed(author.photoUrl()) || !author.photoUrl().startsWith("http") ? null : author.photoUrl());
      Map<String, String> profileLinks = new LinkedHashMap<>();
      author.links().forEach((kind, url) -> {
        if (url.startsWith("http://") || url.startsWith("https://")) {
          profileLinks.put(kind.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), url);
        }
      });
      String name = author.name().isBlank() ? (author.login().isBlank() ? entry.getKey() : author.login()) : author.name();
      ExpertInput input = new ExpertInput(entry.getKey(), ImportNames.shorten(name, 200), Map.of(), "", "",
          author.bio(), photo, profileLinks);
      writeTaxon("expert", TaxonKind.EXPERT, entry.getKey(), input, () -> session.saveExpert(input));
    }
  }

  /**
   * Writes a topic, region or expert unless an earlier run wrote the same, or the site had it
   * before any run of this source did (then it is linked to as it is).
   */
  private void writeTaxon(String kind, TaxonKind taxonKind, String slug, Object input, Runnable save) {
    String fingerprint = ImportLedger.fingerprint(input);
    Optional<ImportLedger.Entry> before = ledger.find(kind, slug);
    boolean exists = session.taxonExists(taxonKind, slug);
    if (exists && before.isEmpty()) {
      report.count(kind, Outcome.UNCHANGED);
      report.loss(kind + " " + slug, "the site already has it: linked to, not changed");
      return;
    }
    if (exists && before.get().fingerprint().equals(fingerprint)) {
      report.count(kind, Outcome.UNCHANGED);
      return;
    }
    save.run();
    ledger.record(kind, slug, slug, fingerprint);
    report.count(kind, exists ? Outcome.UPDATED : Outcome.IMPORTED);
  }

  // --- slugs and addresses -----------------------------------------------------------------------

  private void decideSlugs() {
    Set<String> used = new HashSet<>();
    Map<String, List<ImportIndex.Stub>> translations = new LinkedHashMap<>();
    for (ImportIndex.Stub stub : index.items) {
      Optional<ImportLedger.Entry> before = ledger.find("publication", stub.id());
      Optional<String> storedSlug = before.flatMap(entry -> session.publicationSlug(Long.parseLong(entry.target())));
      String slug;
      if (storedSlug.isPresent()) {
        slug = storedSlug.get();
        ids.put(stub.id(), Long.parseLong(before.get().target()));
        fingerprints.put(stub.id(), before.get().fingerprint());
      } else {
        String wanted = ImportNames.slugOf(stub.slug(), stub.title(), stub.page() ? "page" : "piece");
        if (stub.page() && !PageSlugs.isFree(wanted)) {
          String free = wanted + "-page";
          report.loss(stub.describe(), "the page slug '" + wanted + "' is an address of the site itself: imported as '"
              + free + "'");
          wanted = free;
        }
        slug = wanted;
        for (int n = 2; used.contains(slug) || session.publicationId(slug).isPresent(); n++) {
          slug = wanted.length() > 110 ? wanted.substring(0, 110) + "-" + n : wanted + "-" + n;
        }
        if (!slug.equals(wanted)) {
          report.loss(stub.describe(), "the slug '" + wanted + "' is taken: imported as '" + slug + "'");
        }
      }
      used.add(slug);
      slugs.put(stub.id(), slug);
      if (!stub.translationKey().isEmpty()) {
        translations.computeIfAbsent(stub.translationKey(), k -> new ArrayList<>()).add(stub);
      }
    }
    translations.forEach((key, stubs) -> {
      if (stubs.size() < 2) {
        return;
      }
      String group = "translations-" + ImportLedger.fingerprint(source + "\n" + key).substring(0, 12);
      Set<String> languages = new HashSet<>();
      for (ImportIndex.Stub stub : stubs) {
        if (languages.add(stub.language())) {
          groups.put(stub.id(), group);
        } else {
          report.loss(stub.describe(), "a second '" + stub.language() + "' version in its translation group: kept apart");
        }
      }
    });
  }

  /** Where each old address goes: pieces to their pages, terms to topics, regions, types or a search, authors to experts. */
  private void collectAddresses() {
    for (ImportIndex.Stub stub : index.items) {
      String slug = slugs.get(stub.id());
      if (slug == null) {
        continue;
      }
      List<String> keys = new ArrayList<>();
      addKey(keys, stub.permalink());
      stub.oldPaths().forEach(path -> addKey(keys, path));
      String target = stub.page() ? Urls.sitePage(slug) : Urls.publication(slug);
      itemAddresses.put(stub.id(), keys);
      keys.forEach(key -> links.put(key, target));
      pieceTargets.add(target);
    }
    for (SourceTerm term : index.terms.values()) {
      TermRule rule = names.rule(term.taxonomy(), term.slug());
      if (rule == null) {
        continue;
      }
      String target = switch (rule.kind()) {
        case TOPIC -> "/topics/" + names.target(term.taxonomy(), term.slug());
        case REGION -> "/regions/" + names.target(term.taxonomy(), term.slug());
        case TYPE -> "/types/" + names.target(term.taxonomy(), term.slug());
        case KEYWORD -> "/search?q=" + URLEncoder.encode("\"" + term.name() + "\"", StandardCharsets.UTF_8);
        case DROP -> null;
      };
      if (target != null) {
        termPaths(term).forEach(path -> links.put(OldUrls.key(path, null), target));
      }
    }
    names.expertOfAuthor.forEach((authorId, expert) -> {
      SourceAuthor author = index.authors.get(authorId);
      String slug = author.slug().isEmpty() ? author.login() : author.slug();
      if (!slug.isEmpty()) {
        links.put(OldUrls.key("/author/" + slug, null), "/experts/" + expert);
      }
    });
    switch (request.platform()) {
      case WORDPRESS -> links.put("/feed", "/feed.xml");
      case GHOST -> links.put("/rss", "/feed.xml");
      default -> { }
    }
  }

  /** The old addresses of a term's page: {@code /category/parent/child/} and {@code /category/child/}, {@code /tag/slug/}. */
  private List<String> termPaths(SourceTerm term) {
    List<String> paths = new ArrayList<>();
    String prefix = term.taxonomy().equals(SourceTerm.CATEGORY) ? "/category/" : "/tag/";
    if (!term.taxonomy().equals(SourceTerm.CATEGORY) && !term.taxonomy().equals(SourceTerm.TAG)) {
      return paths;
    }
    paths.add(prefix + term.slug());
    StringBuilder nested = new StringBuilder(term.slug());
    Set<String> seen = new LinkedHashSet<>();
    for (SourceTerm parent = parentOf(term); parent != null && seen.add(parent.slug()); parent = parentOf(parent)) {
      nested.insert(0, parent.slug() + "/");
    }
    if (nested.length() > term.slug().length()) {
      paths.add(prefix + nested);
    }
    return paths;
  }

  private SourceTerm parentOf(SourceTerm term) {
    return term.parentSlug().isEmpty() ? null : index.term(term.taxonomy(), term.parentSlug());
  }

  private static void addKey(List<String> keys, String address) {
    if (address == null || address.isBlank()) {
      return;
    }
    String path = address;
    String query = null;
    try {
      if (address.startsWith("http://") || address.startsWith("https://")) {
        URI uri = URI.create(address);
        path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        query = uri.getRawQuery();
      } else {
        int mark = address.indexOf('?');
        if (mark >= 0) {
          path = address.substring(0, mark);
          query = address.substring(mark + 1);
        }
      }
    } catch (IllegalArgumentException e) {
      return; // an address that does not parse cannot be asked for either
    }
    String key = OldUrls.key(path.isEmpty() ? "/" : path, query);
    if (key != null && !keys.contains(key)) {
      keys.add(key);
    }
  }

  // --- pieces ------------------------------------------------------------------------------------

  private void write(SourceItem item) {
    String slug = slugs.get(item.id());
    if (slug == null) {
      return;
    }
    String describe = (item.page() ? "page " : "post ") + item.id() + " \"" + ImportNames.shorten(item.title(), 60) + "\"";
    List<String> notes = new ArrayList<>();
    PublicationInput input;
    try {
      input = converter.convert(item, slug, groups.get(item.id()), notes::add);
      if (item.page()) {
        input = ItemConverter.asPage(input);
      }
    } catch (ItemConverter.Refused refused) {
      if (request.strict()) {
        throw ImportException.at(fileName, item.line(), describe + ": " + refused.getMessage() + " (--strict)");
      }
      report.skip(item.page() ? "page" : "publication", describe, refused.getMessage());
      return;
    }
    notes.forEach(note -> report.loss(describe, note));
    if (input.status() == Status.PUBLISHED || input.status() == Status.SCHEDULED) {
      visible.add(item.id());
    }
    String fingerprint = ImportLedger.fingerprint(input);
    Long id = ids.get(item.id());
    if (id != null && fingerprint.equals(fingerprints.get(item.id()))) {
      report.count(kindOf(input), Outcome.UNCHANGED);
      return;
    }
    pending.add(new Pending(item.id(), describe, id, input, fingerprint));
    if (pending.size() >= BATCH) {
      flush();
    }
  }

  /** The report's word for what an input became: a page or a publication. */
  private static String kindOf(PublicationInput input) {
    return PublicationTypes.isPage(input.type()) ? "page" : "publication";
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<ContentImport.Entry> entries = pending.stream().map(p -> new ContentImport.Entry(p.id(), p.input())).toList();
    List<ContentImport.Saved> saved;
    try {
      saved = session.savePublications(entries);
    } catch (InvalidContentException e) {
      throw new ImportException(fileName + ": " + e.getMessage() + " (in the batch of " + pending.get(0).describe()
          + " to " + pending.get(pending.size() - 1).describe() + ")");
    }
    for (int i = 0; i < saved.size(); i++) {
      Pending p = pending.get(i);
      ledger.record("publication", p.itemId(), String.valueOf(saved.get(i).id()), p.fingerprint());
      report.count(kindOf(p.input()), p.id() == null ? Outcome.IMPORTED
          : saved.get(i).changed() ? Outcome.UPDATED : Outcome.UNCHANGED);
    }
    pending.clear();
  }

  /** Records the old addresses of what readers can see, and of the terms and authors. */
  private void recordAddresses() {
    long now = clock.millis();
    Set<String> pieceKeys = new HashSet<>();
    for (Map.Entry<String, List<String>> entry : itemAddresses.entrySet()) {
      if (!visible.contains(entry.getKey())) {
        continue;
      }
      for (String key : entry.getValue()) {
        pieceKeys.add(key);
        if (key.equals(links.get(key))) {
          continue; // a page at the address it had (/about): nothing to redirect
        }
        report.redirect(OldUrls.record(session.handle(), key, links.get(key), source, now));
      }
    }
    for (Map.Entry<String, String> link : links.entrySet()) {
      boolean aPiece = pieceTargets.contains(link.getValue());
      if (!aPiece && !pieceKeys.contains(link.getKey()) && link.getKey() != null) {
        report.redirect(OldUrls.record(session.handle(), link.getKey(), link.getValue(), source, now));
      }
    }
  }
}
