/**
 * The content model and its store: publications, experts, topics and regions.
 *
 * <h2>Words</h2>
 * <dl>
 *   <dt>publication</dt><dd>a piece of analysis: title, standfirst, Markdown body, type, status,
 *       language, experts, topics, regions. Its URL name is its <em>slug</em>, unique across all
 *       languages.</dd>
 *   <dt>standfirst</dt><dd>the one or two sentences under the title that sum the piece up.</dd>
 *   <dt>translation group</dt><dd>a name shared by the versions of one piece in several languages;
 *       at most one version per language.</dd>
 *   <dt>type</dt><dd>a configured kind of publication (analysis, commentary, report, policy brief,
 *       interview by default: {@link org.thinkpress.content.PublicationTypes}).</dd>
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
 * (Markdown files with YAML front matter) used by import, export and the demo.
 */
package org.thinkpress.content;
