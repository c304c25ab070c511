package org.thinkpress.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything a {@link SourceReader} told its visitor, kept in order, for tests to look at. */
final class RecordedSource implements SourceVisitor {

  /** One {@link SourceVisitor#skipped} call. */
  record Skip(String kind, String id, String reason) {}

  final List<SourceSite> sites = new ArrayList<>();
  final List<SourceAuthor> authors = new ArrayList<>();
  final List<SourceTerm> terms = new ArrayList<>();
  final List<SourceAttachment> attachments = new ArrayList<>();
  final List<SourceItem> items = new ArrayList<>();
  final List<Skip> skips = new ArrayList<>();
  /** What was heard, by kind ({@code site}, {@code author}, {@code term}, {@code item}, {@code skipped}), in order. */
  final List<String> order = new ArrayList<>();

  static RecordedSource of(SourceReader reader, Path file) {
    RecordedSource recorded = new RecordedSource();
    reader.read(file, recorded);
    return recorded;
  }

  SourceItem item(String id) {
    return find(id).orElseThrow(() ->
        new AssertionError("no item " + id + " among " + items.stream().map(SourceItem::id).toList()));
  }

  Optional<SourceItem> find(String id) {
    return items.stream().filter(item -> item.id().equals(id)).findFirst();
  }

  @Override
  public void site(SourceSite site) {
    sites.add(site);
    order.add("site");
  }

  @Override
  public void author(SourceAuthor author) {
    authors.add(author);
    order.add("author");
  }

  @Override
  public void term(SourceTerm term) {
    terms.add(term);
    order.add("term");
  }

  @Override
  public void attachment(SourceAttachment attachment) {
    attachments.add(attachment);
    order.add("attachment");
  }

  @Override
  public void item(SourceItem item) {
    items.add(item);
    order.add("item");
  }

  @Override
  public void skipped(String kind, String id, String reason) {
    skips.add(new Skip(kind, id, reason));
    order.add("skipped");
  }
}
