package org.thinkpress.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first read of an export: everything but the bodies, small enough to keep for a site of any
 * size (the site, authors, terms, attachments, and of each item what names and addresses it), so
 * that the later reads can resolve featured images, galleries and links to pieces further on in
 * the file.
 */
final class ImportIndex implements SourceVisitor {

  /** What the index keeps of an item: no body. */
  record Stub(String id, int line, boolean page, String title, String slug, SourceStatus status, String permalink,
              List<String> oldPaths, String translationKey, String language) {

    String describe() {
      return (page ? "page " : "post ") + id + " \"" + (title.length() > 60 ? title.substring(0, 60) + "…" : title) + "\"";
    }
  }

  private final ImportReport report;
  SourceSite site = new SourceSite("", "", "", "");
  final Map<String, SourceAuthor> authors = new LinkedHashMap<>();
  /** By {@code TAXONOMY/slug}. */
  final Map<String, SourceTerm> terms = new LinkedHashMap<>();
  final Map<String, SourceAttachment> attachments = new LinkedHashMap<>();
  final List<Stub> items = new ArrayList<>();

  ImportIndex(ImportReport report) {
    this.report = report;
  }

  @Override
  public void site(SourceSite site) {
    this.site = site;
  }

  @Override
  public void author(SourceAuthor author) {
    authors.putIfAbsent(author.id(), author);
  }

  @Override
  public void term(SourceTerm term) {
    terms.putIfAbsent(term.taxonomy() + "/" + term.slug(), term);
  }

  @Override
  public void attachment(SourceAttachment attachment) {
    attachments.putIfAbsent(attachment.id(), attachment);
  }

  @Override
  public void item(SourceItem item) {
    items.add(new Stub(item.id(), item.line(), item.page(), item.title(), item.slug(), item.status(), item.permalink(),
        item.oldPaths(), item.translationKey(), item.language()));
  }

  @Override
  public void skipped(String kind, String id, String reason) {
    report.leftOut(kind);
  }

  /** The term a piece names, by taxonomy and slug. */
  SourceTerm term(String taxonomy, String slug) {
    return terms.get(taxonomy + "/" + slug);
  }

  /** The URL of an attachment, by the source's id. */
  java.util.Optional<String> attachmentUrl(String id) {
    SourceAttachment attachment = attachments.get(id);
    return attachment == null ? java.util.Optional.empty() : java.util.Optional.of(attachment.url());
  }
}
