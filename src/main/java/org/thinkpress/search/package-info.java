/**
 * Search: a Lucene index of the published pieces on each node, the search page with facets and
 * snippets, search as you type, the feed of a search, and the "Other materials" under each piece.
 *
 * <h2>How it fits together</h2>
 *
 * <ul>
 *   <li>{@link org.thinkpress.search.Search} is what the rest of ThinkPress sees: opened by the
 *       wiring class on the index folder ({@code data.dir}/index), it answers searches,
 *       suggestions and other materials, and gives the routes.
 *   <li>{@code IndexFollower} keeps the index equal to what the database publishes. Every content
 *       write records, in the same transaction, which pieces it touched under the content version
 *       it produced (table {@code content_changes}). The index's last commit names the version it
 *       has applied; catching up re-reads the pieces touched since then, indexing those still
 *       published and removing the rest. It runs at once after a write on this node (as a
 *       {@code ContentListener}), every {@code search.poll-millis} for writes by other nodes, and
 *       at start, where a missing index, or one built by other code, is rebuilt; a damaged one is
 *       first set aside ({@code index.damaged-STAMP} beside it) by {@code SearchIndex}.
 *   <li>{@code PieceDocuments} and {@code Analyzers} decide what is indexed and how; {@code UserQuery}
 *       and {@code QueryFactory} what a reader's input means; {@code Searcher} runs searches with
 *       facets, {@code Snippets} cuts the passages, {@code RelatedMaterials} chooses other materials.
 *   <li>{@code SearchPages} and {@code SearchRoutes} serve {@code /search}, {@code /search/suggest}
 *       and {@code /search/feed} in the site's design; the server limits them per client
 *       ({@code search.requests-per-minute}) before they run.
 * </ul>
 *
 * <h2>Using it</h2>
 * The wiring opens one {@code Search} per node; a test does the same on a temporary folder:
 * <pre>{@code
 * Search search = Search.open(new SearchSettings(indexDir, 1000, 10, 120), database.jdbi(), store, reader,
 *     ZoneOffset.UTC, clock).follow();                     // catch up now, then follow every write
 * store.importBundle(bundle, n -> {});
 * search.awaitVersion(reader.version().current(), 5_000);  // the writes are searchable from here on
 * SearchResults found = search.search(SearchRequest.text("\"grain corridor\" -wheat"));
 * SearchResults inRussian = search.search(new SearchRequest("границы", Map.of("language", List.of("ru")), false, 1));
 * List<PublicationSummary> more = search.otherMaterials().forPublication(publication, 4);
 * search.close();
 * }</pre>
 *
 * <h2>Traps</h2>
 * {@code open} reads nothing from the database: without {@code follow()} (a server) or
 * {@code reindex} (the command) the index stays as it was on disk. Indexing follows a write
 * after its commit, in another thread: a test waits with {@code awaitVersion}, never a sleep, and
 * a search right after a save may not see it. Text is analysed per language: a piece's words go
 * in the fields of its language key, stemmed and without that language's stop words, so a test
 * expecting "the" or an unstemmed form to match in {@code body_en} is wrong, and a piece in a
 * language without an analyzer ({@code xx}) is not stemmed at all. Common words and their pairs
 * are learned at a rebuild from at least 200 pieces of a language: a small test corpus has none,
 * so phrase tests there exercise positions, not pairs. When what the index holds changes (a
 * field, an analyzer, a doc value's layout), change {@code SearchIndex.SCHEMA}, or nodes keep
 * an index that the new code misreads. Never interrupt the follower's or a rebuild's threads: an
 * interrupted file channel releases Lucene's write lock. Readers' searches take turns (cores + 1
 * at once), so {@code search} may wait; the index's own work does not.
 *
 * <h2>Words</h2>
 *
 * <dl>
 *   <dt>language key</dt>
 *   <dd>{@code en}, {@code ru}, {@code hy}: a language with its own analyzer (stemming, stop words);
 *       {@code xx} for any other, analyzed like the neutral field. A piece's text goes in the
 *       fields of its key ({@code title_en}, {@code body_en}).</dd>
 *   <dt>neutral field</dt>
 *   <dd>{@code all}: title and standfirst, split into words and lower-cased but not stemmed, so that
 *       a query in any script finds them whatever the piece's language.</dd>
 *   <dt>applied version</dt>
 *   <dd>the content version the index reflects: every write up to it is searchable.</dd>
 *   <dt>catching up</dt>
 *   <dd>applying the change log from the applied version to the database's current version.</dd>
 *   <dt>rebuild (reindex)</dt>
 *   <dd>replacing the index's content with every published piece, read afresh; searches see the
 *       old content until the new one is complete.</dd>
 *   <dt>facet, dimension, filter</dt>
 *   <dd>a dimension is topic, region, type, expert, year or language; a facet shows a dimension's
 *       values with how many matching pieces have each; a filter keeps the pieces with one of the
 *       chosen values. Filters in different dimensions all hold; values within one dimension are
 *       alternatives, and that dimension's counts ignore its own filter ("sideways").</dd>
 *   <dt>snippet</dt>
 *   <dd>the passage of a result that best matches, as plain-text parts; the page escapes them and
 *       marks the matching ones, so text in a piece can never become markup. Cut from the piece's
 *       text ({@code BodyText}) at the characters of the matched positions ({@code WordOffsets}).</dd>
 *   <dt>other materials</dt>
 *   <dd>the pieces shown under a publication: similar text (the piece's telling words, chosen as
 *       MoreLikeThis would from the words kept at indexing), shared topics, regions
 *       and experts, the same language, a mild preference for recent ones; never the piece or its
 *       translations.</dd>
 *   <dt>common words, pairs</dt>
 *   <dd>a language's most frequent words, learned when the index is rebuilt and kept in its commit
 *       ({@code CommonWords}); two neighbouring words of a body, title or the neutral field of
 *       which one is very common (or both common) are also indexed as a pair in that field's pairs
 *       field, so that a phrase of them is looked up like a word. A field's pairs (and a body's
 *       telling words and where its words are) are noted as the index analyses it
 *       ({@code NotedWords}).</dd>
 *   <dt>telling words</dt>
 *   <dd>the words a piece uses at least twice in its first 600 words, counted when it is indexed;
 *       the most telling of them (rare in the index) make its text query for other materials.</dd>
 * </dl>
 */
package org.thinkpress.search;
