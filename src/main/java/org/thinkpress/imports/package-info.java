/**
 * Moving in: an institute's WordPress, Ghost or Substack site imported with its pieces, experts,
 * topics, files and old addresses.
 *
 * <h2>Words</h2>
 * <dl>
 *   <dt>export</dt><dd>the file a platform gives: WordPress's WXR (XML), Ghost's JSON, Substack's zip.</dd>
 *   <dt>source</dt><dd>one old site, as {@code platform:host} ({@code wordpress:example.org}); what an
 *       import brought in is remembered per source, by the source's own ids.</dd>
 *   <dt>item</dt><dd>a post or page of the source ({@link org.thinkpress.imports.SourceItem}), before
 *       it is a publication. Avoid: post (a WordPress word), article.</dd>
 *   <dt>term</dt><dd>a category, tag or other taxonomy term of the source; the <em>map</em>
 *       ({@code --map FILE}) says what each becomes: a topic, a region, a type, a keyword, or nothing.</dd>
 *   <dt>old address</dt><dd>a path of the old site ({@code /2019/05/14/slug/}, {@code /?p=123},
 *       {@code /category/x/}, {@code /p/slug}) that answers 301 with its new one
 *       ({@link org.thinkpress.imports.OldUrls}).</dd>
 *   <dt>loss</dt><dd>something a conversion dropped or changed (an unknown shortcode, a file that could
 *       not be had, a private post made a draft), listed in the report so that an editor can check it.</dd>
 *   <dt>unchanged</dt><dd>an item whose source is what the last run of the same source saw: not written
 *       again, so that an editor's later changes stay.</dd>
 * </dl>
 *
 * <h2>How it fits together</h2>
 * A {@link org.thinkpress.imports.SourceReader} per platform streams the export into a
 * {@link org.thinkpress.imports.SourceVisitor}. {@link org.thinkpress.imports.Importer} reads it three
 * times: for an index without bodies ({@code ImportIndex}), for the files the bodies use (fetched in
 * parallel by {@code MediaFetcher} from a folder copy or the old site, before any transaction), and to
 * convert ({@code BodyConverter}: blocks, shortcodes and cards to Markdown, URLs rewritten) and write
 * each piece through {@link org.thinkpress.content.ContentImport}, in the one transaction of
 * {@code ContentStore.importInOneTransaction} with the uploads, the ledger ({@code import_items}) and the
 * old addresses. A dry run is the same run rolled back. {@link org.thinkpress.imports.ImportReport} says
 * what happened. {@link org.thinkpress.imports.RedirectsAdmin} lists the old addresses in the admin.
 *
 * <h2>Traps</h2>
 * An import never goes through the editorial workflow: it records no "became published" event, so no
 * alert goes out, and it never touches subscribers (Substack's and Ghost's subscriber CSVs go through
 * {@code thinkpress subscribers import}). A scheduled item whose time has passed comes in as a draft,
 * so that nothing old is announced as new. Something the site had before any run of this source (an
 * expert a map points at) is linked to, never overwritten. Readers must stream: a WordPress export may
 * be a gigabyte, so nothing keeps bodies beyond the item being written.
 */
package org.thinkpress.imports;
