package org.thinkpress.content;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.ObjLongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes content: publications, experts, topics, regions and site settings, each save in one
 * transaction that also advances the {@link ContentVersion}. Publications are keyed by slug: saving
 * a slug that exists updates it, so imports and the demo loader can run twice without duplicating.
 *
 * <p>Markdown is rendered here, before the transaction opens, so the public site only reads HTML.
 * Listeners hear of each change after it commits.
 */
public final class ContentStore {

  private static final Logger log = LoggerFactory.getLogger(ContentStore.class);

  private final Jdbi jdbi;
  private final Clock clock;
  private final MarkdownRenderer markdown;
  private final PublicationTypes types;
  private final ContentVersion version;
  private final List<ContentListener> listeners = new CopyOnWriteArrayList<>();

  public ContentStore(Jdbi jdbi, Clock clock, MarkdownRenderer markdown, PublicationTypes types, ContentVersion version) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.clock = requireNonNull(clock, "clock");
    this.markdown = requireNonNull(markdown, "markdown");
    this.types = requireNonNull(types, "types");
    this.version = requireNonNull(version, "version");
  }

  public void addListener(ContentListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
  }

  public PublicationTypes types() {
    return types;
  }

  /** Creates or updates the publication with the input's slug; returns it as stored. */
  public Publication savePublication(PublicationInput input) {
    types.require(input.type());
    RenderedBody body = markdown.render(input.bodyMarkdown());
    Writes writes = new Writes();
    jdbi.useTransaction(handle -> writes.publication(handle, PublicationWriter.upsert(handle, input, body, clock.millis())));
    announce(writes);
    return findPublication(input.slug()).orElseThrow();
  }

  /**
   * Saves a publication by id rather than by slug, with the caller's own work in the same
   * transaction (the editorial workflow's conflict check, revision and redirect). With {@code id}
   * {@code null} it creates a piece and refuses a slug already taken; with an id it updates that
   * piece, changing its slug when the input's differs, and refuses a slug another piece has.
   * A {@link ThinkPressException} thrown by the hook rolls the whole write back. Only values that
   * differ from the stored ones are written; when none does, the piece, its {@code changed_at} and
   * the content version stay as they were, and the hook's own work is all the transaction does.
   *
   * @return the publication as stored
   */
  public Publication savePublication(Long id, PublicationInput input, WriteHook hook) {
    requireNonNull(hook, "hook");
    types.require(input.type());
    RenderedBody body = markdown.render(input.bodyMarkdown());
    Writes writes = new Writes();
    long savedId = jdbi.inTransaction(handle -> {
      Optional<Long> holder = PublicationWriter.idOf(handle, "publications", input.slug());
      if (holder.isPresent() && !holder.get().equals(id)) {
        throw new InvalidContentException("slug '" + input.slug() + "' is already used by another publication");
      }
      String previousSlug = null;
      if (id != null) {
        previousSlug = handle.createQuery("SELECT slug FROM publications WHERE id = :id").bind("id", id)
            .mapTo(String.class).findOne().orElseThrow(() -> new ContentNotFoundException("publication", "#" + id));
      }
      hook.before(handle, id);
      PublicationWriter.Written written = PublicationWriter.write(handle, id, input, body, clock.millis());
      hook.after(handle, written.id(), previousSlug);
      writes.publication(handle, written);
      return written.id();
    });
    announce(writes);
    return findPublication(savedId).orElseThrow();
  }

  /** The publication with this id in any status. */
  public Optional<Publication> findPublication(long id) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + ContentRows.FULL_COLUMNS
            + " FROM " + ContentRows.WITH_BODY + " WHERE p.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> ContentRows.Row.full(rs))
        .findOne()
        .map(row -> ContentRows.publications(handle, List.of(row)).get(0)));
  }

  /**
   * Publishes every scheduled piece whose time has come. Each piece is switched on its own
   * condition ({@code status = 'scheduled'}), so that when several nodes run this at once each
   * piece is published, and announced, by exactly one of them.
   *
   * @return the ids of the pieces this call published
   */
  public List<Long> publishDue(Instant now) {
    return publishDue(now, (handle, id) -> {});
  }

  /**
   * The same, with {@code published} run in the transaction for each piece it switches (the
   * scheduler records its "became published" event there, so that the event and the change stand
   * or fall together).
   */
  public List<Long> publishDue(Instant now, ObjLongConsumer<Handle> published) {
    List<Long> due = jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM publications"
            + " WHERE status = 'scheduled' AND published_at <= :now ORDER BY published_at, id")
        .bind("now", now.toEpochMilli()).mapTo(Long.class).list());
    if (due.isEmpty()) {
      return List.of();
    }
    Writes writes = new Writes();
    jdbi.useTransaction(handle -> {
      for (Long id : due) {
        int changed = handle.createUpdate("UPDATE publications SET status = 'published', changed_at = :now"
                + " WHERE id = :id AND status = 'scheduled'")
            .bind("now", clock.millis()).bind("id", id).execute();
        if (changed == 1) {
          writes.publication(id);
          published.accept(handle, id);
        }
      }
      if (!writes.publications.isEmpty()) {
        writes.commitVersion(handle);
      }
    });
    if (writes.publications.isEmpty()) {
      return List.of();
    }
    announce(writes);
    return List.copyOf(writes.publications);
  }

  /** Deletes a publication and its links; returns whether it existed. */
  public boolean deletePublication(String slug) {
    Writes writes = new Writes();
    boolean deleted = jdbi.inTransaction(handle -> {
      Optional<Long> id = PublicationWriter.idOf(handle, "publications", slug);
      if (id.isEmpty()) {
        return false;
      }
      handle.createUpdate("DELETE FROM publications WHERE id = :id").bind("id", id.get()).execute();
      writes.publication(id.get());
      writes.commitVersion(handle);
      return true;
    });
    if (deleted) {
      announce(writes);
    }
    return deleted;
  }

  public Expert saveExpert(ExpertInput input) {
    String bioHtml = markdown.renderSnippet(input.bioMarkdown());
    Writes writes = new Writes();
    jdbi.useTransaction(handle -> {
      TaxonomyWriter.upsertExpert(handle, input, bioHtml, clock.millis());
      writes.taxonomy();
      writes.commitVersion(handle);
    });
    announce(writes);
    return taxonomy().expert(input.slug()).orElseThrow();
  }

  public Topic saveTopic(TopicInput input) {
    Writes writes = new Writes();
    jdbi.useTransaction(handle -> {
      TaxonomyWriter.upsertTopic(handle, input, -1, clock.millis());
      writes.taxonomy();
      writes.commitVersion(handle);
    });
    announce(writes);
    return taxonomy().topic(input.slug()).orElseThrow();
  }

  public Region saveRegion(RegionInput input) {
    Writes writes = new Writes();
    jdbi.useTransaction(handle -> {
      long id = TaxonomyWriter.upsertRegion(handle, input, -1, clock.millis());
      TaxonomyWriter.setRegionParent(handle, id, input);
      writes.taxonomy();
      writes.commitVersion(handle);
    });
    announce(writes);
    return taxonomy().region(input.slug()).orElseThrow();
  }

  /** How many publications, in any status, link to the expert, topic or region. */
  public int taxonUsage(TaxonKind kind, String slug) {
    return jdbi.withHandle(handle -> {
      long id = TaxonomyWriter.requireTaxon(handle, kind, slug);
      return handle.createQuery("SELECT COUNT(*) FROM " + kind.linkTable + " WHERE " + kind.linkColumn + " = :id")
          .bind("id", id).mapTo(Integer.class).one();
    });
  }

  /**
   * Gives an expert, topic or region a new slug, keeping its links; {@code extra} runs in the same
   * transaction (the workflow records a redirect from the old slug there).
   */
  public void renameTaxon(TaxonKind kind, String from, String to, Consumer<Handle> extra) {
    Slugs.require(kind.key() + " slug", to);
    Writes writes = new Writes();
    jdbi.useTransaction(handle -> {
      long id = TaxonomyWriter.requireTaxon(handle, kind, from);
      if (PublicationWriter.idOf(handle, kind.table, to).isPresent()) {
        throw new InvalidContentException(kind.key() + " slug '" + to + "' is already taken");
      }
      handle.createUpdate("UPDATE " + kind.table + " SET slug = :to, changed_at = :now WHERE id = :id")
          .bind("to", to).bind("now", clock.millis()).bind("id", id).execute();
      extra.accept(handle);
      writes.taxonomy();
      writes.commitVersion(handle);
    });
    announce(writes);
  }

  /**
   * Moves every link of {@code from} to {@code into} (a region's sub-regions too), then deletes
   * {@code from}; {@code extra} runs in the same transaction.
   *
   * @return the ids of the publications whose links changed
   */
  public Set<Long> mergeTaxon(TaxonKind kind, String from, String into, Consumer<Handle> extra) {
    if (from.equals(into)) {
      throw new InvalidContentException("cannot merge " + kind.key() + " '" + from + "' into itself");
    }
    Writes writes = new Writes();
    jdbi.useTransaction(handle -> {
      long fromId = TaxonomyWriter.requireTaxon(handle, kind, from);
      long intoId = TaxonomyWriter.requireTaxon(handle, kind, into);
      if (kind == TaxonKind.REGION) {
        for (Long ancestor = TaxonomyWriter.parentOf(handle, intoId); ancestor != null; ancestor = TaxonomyWriter.parentOf(handle, ancestor)) {
          if (ancestor == fromId) {
            throw new InvalidContentException("cannot merge region '" + from + "' into '" + into + "', which lies below it");
          }
        }
        handle.createUpdate("UPDATE regions SET parent_id = :into WHERE parent_id = :from")
            .bind("into", intoId).bind("from", fromId).execute();
      }
      handle.createQuery("SELECT publication_id FROM " + kind.linkTable + " WHERE " + kind.linkColumn + " = :from")
          .bind("from", fromId).mapTo(Long.class).forEach(writes::publication);
      handle.createUpdate("INSERT INTO " + kind.linkTable + " (publication_id, " + kind.linkColumn + ", position)"
              + " SELECT publication_id, :into, position FROM " + kind.linkTable + " WHERE " + kind.linkColumn + " = :from"
              + " AND publication_id NOT IN (SELECT publication_id FROM " + kind.linkTable
              + " WHERE " + kind.linkColumn + " = :into)")
          .bind("into", intoId).bind("from", fromId).execute();
      TaxonomyWriter.deleteTaxonRow(handle, kind, fromId);
      extra.accept(handle);
      writes.taxonomy();
      writes.commitVersion(handle);
    });
    announce(writes);
    return Set.copyOf(writes.publications);
  }

  /** Deletes an expert, topic or region that no publication uses (and, for a region, that has no sub-regions). */
  public void deleteTaxon(TaxonKind kind, String slug) {
    Writes writes = new Writes();
    jdbi.useTransaction(handle -> {
      long id = TaxonomyWriter.requireTaxon(handle, kind, slug);
      int used = handle.createQuery("SELECT COUNT(*) FROM " + kind.linkTable + " WHERE " + kind.linkColumn + " = :id")
          .bind("id", id).mapTo(Integer.class).one();
      if (used > 0) {
        throw new InvalidContentException(kind.key() + " '" + slug + "' is used by " + used
            + " publication(s); merge it into another " + kind.key() + " instead");
      }
      if (kind == TaxonKind.REGION && handle.createQuery("SELECT COUNT(*) FROM regions WHERE parent_id = :id")
          .bind("id", id).mapTo(Integer.class).one() > 0) {
        throw new InvalidContentException("region '" + slug + "' has sub-regions; move or merge them first");
      }
      TaxonomyWriter.deleteTaxonRow(handle, kind, id);
      writes.taxonomy();
      writes.commitVersion(handle);
    });
    announce(writes);
  }

  /** Stores site settings (name, description...); other settings are kept. */
  public void saveSettings(Map<String, String> settings) {
    Writes writes = new Writes();
    jdbi.useTransaction(handle -> {
      TaxonomyWriter.replaceSettings(handle, settings);
      writes.taxonomy();
      writes.commitVersion(handle);
    });
    announce(writes);
  }

  /**
   * Writes a whole bundle in one transaction: all of it or, when any part breaks a rule, none of
   * it. Markdown is rendered first, outside the transaction and on several threads;
   * {@code progress}, which must be thread-safe, hears how many publications have been rendered
   * and then written.
   */
  public void importBundle(ContentBundle bundle, IntConsumer progress) {
    importBundle(bundle, progress, handle -> {});
  }

  /**
   * The same, with {@code alsoInTransaction} run in the import's transaction after the content is
   * written (the uploads a content folder carries), so that both are imported or neither.
   */
  public void importBundle(ContentBundle bundle, IntConsumer progress, java.util.function.Consumer<Handle> alsoInTransaction) {
    for (PublicationInput publication : bundle.publications()) {
      types.require(publication.type());
    }
    Map<String, String> bios = new HashMap<>();
    for (ExpertInput expert : bundle.experts()) {
      bios.put(expert.slug(), markdown.renderSnippet(expert.bioMarkdown()));
    }
    // Rendering is pure CPU work on independent bodies: spread it over the cores.
    List<RenderedBody> bodies = bundle.publications().parallelStream()
        .map(publication -> {
          RenderedBody body = markdown.render(publication.bodyMarkdown());
          progress.accept(1);
          return body;
        })
        .toList();
    Writes writes = new Writes();
    jdbi.useTransaction(handle -> {
      TaxonomyWriter.replaceSettings(handle, bundle.settings());
      int position = 0;
      for (TopicInput topic : bundle.topics()) {
        TaxonomyWriter.upsertTopic(handle, topic, position++, clock.millis());
      }
      Map<RegionInput, Long> regionIds = new HashMap<>();
      position = 0;
      for (RegionInput region : bundle.regions()) {
        regionIds.put(region, TaxonomyWriter.upsertRegion(handle, region, position++, clock.millis()));
      }
      for (RegionInput region : bundle.regions()) {
        TaxonomyWriter.setRegionParent(handle, regionIds.get(region), region);
      }
      for (ExpertInput expert : bundle.experts()) {
        TaxonomyWriter.upsertExpert(handle, expert, bios.get(expert.slug()), clock.millis());
      }
      for (int i = 0; i < bundle.publications().size(); i++) {
        PublicationWriter.Written written = PublicationWriter.upsert(handle, bundle.publications().get(i), bodies.get(i),
            clock.millis());
        if (written.changed()) {
          writes.publication(written.id());
        }
        progress.accept(1);
      }
      alsoInTransaction.accept(handle);
      writes.taxonomy();
      writes.commitVersion(handle);
    });
    announce(writes);
    log.info("Imported {} topics, {} regions, {} experts and {} publications", bundle.topics().size(),
        bundle.regions().size(), bundle.experts().size(), bundle.publications().size());
  }

  /**
   * Runs a long import in one transaction: {@code work} writes through the {@link ContentImport}
   * as it reads, and everything commits when it returns, or nothing when it throws. With
   * {@code commit} false the transaction is rolled back even when {@code work} returns (a dry run
   * that sees exactly what a real run would do). Listeners hear once, after the commit.
   */
  public <T> T importInOneTransaction(boolean commit, java.util.function.Function<ContentImport, T> work) {
    Writes writes = new Writes();
    T result;
    try (Handle handle = jdbi.open()) {
      handle.begin();
      try {
        ContentImport session = new ContentImport(handle, markdown, types, clock.millis());
        result = work.apply(session);
        if (!commit) {
          handle.rollback();
          return result;
        }
        session.publications().forEach(writes::publication);
        if (session.taxonomyChanged()) {
          writes.taxonomy();
        }
        if (session.taxonomyChanged() || !session.publications().isEmpty()) {
          writes.commitVersion(handle);
        }
        handle.commit();
      } catch (RuntimeException | Error e) {
        handle.rollback();
        throw e;
      }
    }
    announce(writes);
    return result;
  }

  /** The publication with this slug in any status. */
  public Optional<Publication> findPublication(String slug) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + ContentRows.FULL_COLUMNS
            + " FROM " + ContentRows.WITH_BODY + " WHERE p.slug = :slug")
        .bind("slug", slug)
        .map((rs, ctx) -> ContentRows.Row.full(rs))
        .findOne()
        .map(row -> ContentRows.publications(handle, List.of(row)).get(0)));
  }

  /** The stored site settings by name. */
  public Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    jdbi.useHandle(handle -> handle.createQuery("SELECT name, value FROM settings")
        .map((rs, ctx) -> settings.put(rs.getString(1), rs.getString(2))).list());
    return settings;
  }

  /** Every expert, topic and region, read fresh. */
  public Taxonomy taxonomy() {
    return jdbi.withHandle(ContentRows::loadTaxonomy);
  }

  /** Everything, in its editable form, for {@code content export}. */
  public ContentBundle exportBundle() {
    return jdbi.withHandle(handle -> {
      Taxonomy taxonomy = ContentRows.loadTaxonomy(handle);
      List<ContentRows.Row> rows = handle.createQuery("SELECT " + ContentRows.FULL_COLUMNS
              + " FROM " + ContentRows.WITH_BODY + " ORDER BY p.slug")
          .map((rs, ctx) -> ContentRows.Row.full(rs))
          .list();
      List<PublicationInput> publications = ContentRows.publications(handle, rows).stream()
          .map(p -> p.toInput(taxonomy)).toList();
      List<RegionInput> regions = taxonomy.regions().stream()
          .map(r -> new RegionInput(r.slug(), r.name(), r.names(),
              r.isTopLevel() ? null : taxonomy.region(r.parentId()).map(Region::slug).orElse(null)))
          .toList();
      Map<String, String> settings = new HashMap<>();
      handle.createQuery("SELECT name, value FROM settings WHERE name NOT LIKE 'demo.%'")
          .map((rs, ctx) -> settings.put(rs.getString(1), rs.getString(2))).list();
      return new ContentBundle(settings, taxonomy.topics().stream().map(Topic::toInput).toList(), regions,
          taxonomy.experts().stream().map(Expert::toInput).sorted(Comparator.comparing(ExpertInput::slug)).toList(),
          publications);
    });
  }

  // --- change tracking ---------------------------------------------------------------------------

  /** What one transaction changed; becomes a {@link ContentChange} once committed. */
  private final class Writes {
    private final Set<Long> publications = new HashSet<>();
    private boolean taxonomy;
    private boolean committed;
    private long newVersion;
    private long changedAt;

    void publication(long id) {
      publications.add(id);
    }

    /** A publication write on its own: the version moves only when a stored value changed. */
    void publication(Handle handle, PublicationWriter.Written written) {
      if (written.changed()) {
        publication(written.id());
        commitVersion(handle);
      }
    }

    void taxonomy() {
      taxonomy = true;
    }

    void commitVersion(Handle handle) {
      committed = true;
      changedAt = clock.millis();
      handle.createUpdate("UPDATE content_state SET version = version + 1, changed_at = :now WHERE id = 1")
          .bind("now", changedAt).execute();
      newVersion = handle.createQuery("SELECT version FROM content_state WHERE id = 1").mapTo(Long.class).one();
      logPublications(handle);
    }

    /**
     * Records which publications this write touched, under its version, for the search index of
     * every node (table content_changes). Runs after the version bump, whose row lock orders the
     * writers, so that versions reach the log in commit order.
     */
    private void logPublications(Handle handle) {
      if (publications.isEmpty()) {
        return;
      }
      var batch = handle.prepareBatch("INSERT INTO content_changes (version, publication_id, changed_at)"
          + " VALUES (:version, :publication, :at)");
      for (Long id : publications) {
        batch.bind("version", newVersion).bind("publication", id).bind("at", changedAt).add();
      }
      batch.execute();
    }
  }

  private void announce(Writes writes) {
    if (!writes.committed) {
      return; // nothing changed
    }
    version.advanceTo(writes.newVersion, writes.changedAt);
    ContentChange change = new ContentChange(writes.newVersion, writes.publications, writes.taxonomy);
    for (ContentListener listener : listeners) {
      try {
        listener.contentChanged(change);
      } catch (RuntimeException e) {
        log.error("A content listener failed on change {}; the change itself is committed", change.version(), e);
      }
    }
  }
}
