/**
 * Research outputs: what makes a piece citable research rather than a post. Today: citations.
 *
 * <p>{@link org.thinkpress.research.Citations} turns a published piece into a
 * {@link org.thinkpress.research.CitationItem} (experts as authors, the institute as publisher,
 * the type as genre, the date in the site's zone) and formats it in each
 * {@link org.thinkpress.research.CitationStyle} with citeproc-java and the official CSL styles
 * (Chicago notes and bibliography, APA 7th, MLA 9th), in the piece's language where a CSL locale
 * exists (English and Russian; Armenian pieces are cited with English terms). It also serves the
 * {@link org.thinkpress.research.CitationFile}s reference managers import.
 * <pre>{@code
 * CitationItem item = citations.item(publication);
 * for (Citations.Styled styled : citations.styles(item)) { ... styled.html() ... }   // <i> and <b> only
 * String bib = CitationFile.BIBTEX.write(item);   // also served at /publications/SLUG/cite.bib
 * }</pre>
 *
 * <h2>Traps</h2>
 * A CSL processor takes some tens of milliseconds to parse its style, so one is kept per style and
 * locale; it keeps state between calls, so calls to one take turns. citeproc-java writes italics as
 * inline styles, which the site's Content-Security-Policy would not apply: entries are reduced to
 * text, {@code <i>} and {@code <b>}. Names are split at the last space (family name last).
 *
 * <h2>Words</h2>
 * <dl>
 *   <dt>style</dt><dd>a CSL style: how an entry in a bibliography is written (Chicago, APA, MLA).</dd>
 *   <dt>citation file</dt><dd>BibTeX, RIS or CSL-JSON: the same facts for a reference manager.</dd>
 * </dl>
 */
package org.thinkpress.research;
