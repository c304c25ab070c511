/**
 * The content model and its store: publications, site pages, experts, topics and regions.
 *
 * <h2>Words</h2>
 * <dl>
 *   <dt>publication</dt><dd>a piece of analysis: title, standfirst, Markdown body, type, status,
 *       language, experts, topics, regions. Its URL name is its <em>slug</em>, unique across all
 *       languages.</dd>
 *   <dt>page</dt><dd>a site page (About, Contact, Privacy...): a publication of the built-in type
 *       {@code page} ({@link org.thinkpress.content.PublicationTypes#PAGE}), served at {@code /SLUG},
 *       with translations and revisions like any piece, but no experts, topics or regions; in the
 *       sitemap and search, never in listings, feeds or alerts. Its slug may not be a route's first
 *       segment or a language tag ({@link org.thinkpress.content.PageSlugs}).</dd>
 *   <dt>expert's details</dt><dd>areas of expertise (short phrases), languages spoken (BCP 47 tags)
 *       and a media contact (an email address or phone number for the press), beside the biography.</dd>
 *   <dt>standfirst</dt><dd>the one or two sentences under the title that sum the piece up.</dd>
 *   <dt>translation group</dt><dd>a name shared by the versions of one piece in several languages;
 *       at most one version per language.</dd>
 *   <dt>type</dt><dd>a configured kind of publication (analysis, commentary, report, policy brief,
 *       interview by default: {@link org.thinkpress.content.PublicationTypes}).</dd>
 *   <dt>keywords</dt><dd>words and phrases a piece is about beyond its topics (an imported site's
 *       tags): shown on its page as searches and searched with its title; not a taxonomy, so they have
 *       no pages of their own. Avoid: tags.</dd>
 *   <dt>status</dt><dd>draft, in review, scheduled, published, archived
 *       ({@link org.thinkpress.content.Status}); only published pieces are listed.</dd>
 *   <dt>region</dt><dd>a place in a hierarchy (South Caucasus &gt; Armenia); a region's listing
 *       includes the regions below it.</dd>
 *   <dt>input</dt><dd>the editable form of a thing ({@code PublicationInput}), as files and forms
 *       hold it; the stored form ({@code Publication}) adds ids and what is derived.</dd>
 *   <dt>content version</dt><dd>a number that grows with every content write
 *       ({@link org.thinkpress.content.ContentVersion}); caches keep what they hold only while it
 *       is unchanged.</dd>
 * </dl>
 *
 * <h2>How it fits together</h2>
 * {@link org.thinkpress.content.ContentStore} writes, one transaction per save, and of a stored
 * piece only the values that differ (a save of what is stored changes nothing), rendering Markdown
 * first through {@link org.thinkpress.content.MarkdownRenderer} (CommonMark with tables and heading
 * anchors, then the {@link org.thinkpress.content.HtmlSanitizer} allow-list) so that pages only
 * read HTML; it tells each {@link org.thinkpress.content.ContentListener} what changed once
 * committed. {@link org.thinkpress.content.ContentReader} answers the public site's queries and
 * sees only published pieces. {@link org.thinkpress.content.ContentFolderReader} and
 * {@link org.thinkpress.content.ContentFolderWriter} read and write the content folder format
 * (Markdown files with YAML front matter) used by import, export and the demo. A long import
 * from another platform writes as it reads through a {@link org.thinkpress.content.ContentImport},
 * in the one transaction of {@code importInOneTransaction} (committed at the end, or rolled back for
 * a dry run).
 *
 * <h2>Using it</h2>
 * The wiring builds one store and one reader over the same {@code ContentVersion}; a test does the
 * same over a {@code TestDatabase}:
 * <pre>{@code
 * ContentVersion version = new ContentVersion(database.jdbi());
 * ContentStore store = new ContentStore(database.jdbi(), clock, new MarkdownRenderer(), PublicationTypes.DEFAULT, version);
 * ContentReader reader = new ContentReader(database.jdbi(), version);
 * store.addListener(change -> log.info("now at version {}", change.version()));   // after each commit
 * store.saveTopic(new TopicInput("energy", "Energy", Map.of("ru", "Энергетика"), null));
 * store.importBundle(new ContentFolderReader(store.types(), store.taxonomy()).read(folder, n -> {}), n -> {});
 * Optional<Publication> shown = reader.publicPublication("grain-corridor");   // published pieces only
 * Page<PublicationSummary> first = reader.list(Listing.all(), 1, 12);
 * }</pre>
 *
 * <h2>Traps</h2>
 * The store is not the editorial workflow: saving a piece with status {@code PUBLISHED} through
 * {@code savePublication} or an import keeps no revision, leaves no redirect and records no
 * "became published" event, so no alert goes out; editors' and the API's changes go through
 * {@code publishing.Workflow}, which adds its work to the store's transaction with a
 * {@link org.thinkpress.content.WriteHook}. Work that must commit or roll back with a write
 * belongs in a hook (or {@code importBundle}'s {@code alsoInTransaction}), never in a
 * {@link org.thinkpress.content.ContentListener}: listeners are told after the commit, on the
 * writing thread, and must be quick and must not throw. A save writes only the values that differ:
 * saving what is stored leaves the content version where it was, so a test expecting a new
 * version after an unchanged save is wrong. Store and reader must share one
 * {@code ContentVersion}: the reader keeps the taxonomy and settings per version, and another
 * node's writes reach it only at {@code refresh()} (every {@code content.poll-seconds}). Times
 * come from the injected clock ({@code publishDue(now)} takes the caller's); Markdown is rendered
 * and sanitised when a piece is saved and pages read the stored HTML, so a change to the renderer
 * shows on a piece at its next save. Slugs are unique across all languages, not per language.
 */
package org.thinkpress.content;
