package org.thinkpress.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * One long import's writes, all in the one transaction {@link ContentStore#importInOneTransaction}
 * opened: experts, topics, regions and publications written one after another as a streaming reader
 * produces them, so that nothing of a whole export need be held in memory, and committed (or
 * rolled back) together. Like the rest of the store it writes only values that differ, keeps no
 * revision and records no "became published" event: an import announces nothing.
 *
 * <p>Not thread-safe: the transaction's connection is used by one thread at a time.
 */
public final class ContentImport {

  /** What saving one publication did: its id, and whether any stored value changed. */
  public record Saved(long id, boolean changed) {}

  private final Handle handle;
  private final MarkdownRenderer markdown;
  private final PublicationTypes types;
  private final long now;
  private final Set<Long> publications = new HashSet<>();
  private boolean taxonomy;

  ContentImport(Handle handle, MarkdownRenderer markdown, PublicationTypes types, long now) {
    this.handle = handle;
    this.markdown = markdown;
    this.types = types;
    this.now = now;
  }

  /** The transaction's handle, for the importer's own tables; its work commits or rolls back with the content. */
  public Handle handle() {
    return handle;
  }

  public void saveExpert(ExpertInput input) {
    TaxonomyWriter.upsertExpert(handle, input, markdown.renderSnippet(input.bioMarkdown()), now);
    taxonomy = true;
  }

  /** Creates the topic or updates it, keeping its place in the list. */
  public void saveTopic(TopicInput input) {
    TaxonomyWriter.upsertTopic(handle, input, -1, now);
    taxonomy = true;
  }

  /** Creates or updates the region; its parent, when it has one, must be saved first. */
  public void saveRegion(RegionInput input) {
    long id = TaxonomyWriter.upsertRegion(handle, input, -1, now);
    TaxonomyWriter.setRegionParent(handle, id, input);
    taxonomy = true;
  }

  /** Whether an expert, topic or region with this slug exists. */
  public boolean taxonExists(TaxonKind kind, String slug) {
    return PublicationWriter.idOf(handle, kind.table, slug).isPresent();
  }

  /** The id of the publication with this slug, in any status. */
  public Optional<Long> publicationId(String slug) {
    return PublicationWriter.idOf(handle, "publications", slug);
  }

  /** The slug of the publication with this id, when it still exists. */
  public Optional<String> publicationSlug(long id) {
    return handle.createQuery("SELECT slug FROM publications WHERE id = :id").bind("id", id)
        .mapTo(String.class).findOne();
  }

  /**
   * Saves publications, rendering their Markdown first on several cores; each entry's
   * {@code id} is the piece it updates, or {@code null} to create one (or update the one with its
   * slug). A piece that breaks a rule throws {@link InvalidContentException} before anything of it
   * is written.
   */
  public List<Saved> savePublications(List<Entry> entries) {
    for (Entry entry : entries) {
      types.require(entry.input().type());
    }
    List<RenderedBody> bodies = entries.parallelStream().map(e -> markdown.render(e.input().bodyMarkdown())).toList();
    List<Saved> saved = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      Long existing = entry.id() != null ? entry.id() : publicationId(entry.input().slug()).orElse(null);
      if (existing != null) {
        Optional<Long> holder = publicationId(entry.input().slug());
        if (holder.isPresent() && !holder.get().equals(existing)) {
          throw new InvalidContentException("slug '" + entry.input().slug() + "' is already used by another publication");
        }
      }
      PublicationWriter.Written written = PublicationWriter.write(handle, existing, entry.input(), bodies.get(i), now);
      if (written.changed()) {
        publications.add(written.id());
      }
      saved.add(new Saved(written.id(), written.changed()));
    }
    return saved;
  }

  /** A publication to save: {@code id} is the stored piece it replaces, or {@code null}. */
  public record Entry(Long id, PublicationInput input) {}

  Set<Long> publications() {
    return publications;
  }

  boolean taxonomyChanged() {
    return taxonomy;
  }
}
