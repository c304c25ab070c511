package org.thinkpress.imports;

import java.time.Instant;
import java.util.List;

/**
 * One post or page of the old site, as its export holds it: the source's words, not yet ThinkPress
 * content. Readers fill what the format has and leave the rest empty ({@code ""}, {@code null} for
 * times, empty lists); they never guess.
 *
 * @param id the source's id (WordPress {@code post_id}, Ghost's post id, Substack's {@code post_id})
 * @param line the line where the item starts in the export, for messages (0 when the format has no lines)
 * @param page whether it is a page (About, Contact...) rather than a post
 * @param title the title, plain text
 * @param slug the slug as the source writes it, percent-decoded (may be Cyrillic or Armenian), or {@code ""}
 * @param status where it stood
 * @param publishedAt when it was (or is due to be) published, or {@code null} for a draft that never was
 * @param modifiedAt when it was last changed, or {@code null}
 * @param excerpt the hand-written excerpt, subtitle or custom excerpt, plain text, or {@code ""}
 * @param html the body as the source stores it (WordPress's {@code content:encoded} with its blocks and
 *     shortcodes, Ghost's rendered {@code html}, Substack's post file)
 * @param authors the {@link SourceAuthor#id()}s of its authors, in byline order
 * @param categories the slugs of its {@link SourceTerm#CATEGORY} terms, in the source's order
 * @param tags the slugs of its {@link SourceTerm#TAG} terms, in the source's order
 * @param featuredImage the featured image's absolute URL, or {@code ""} (a reader resolves WordPress's
 *     {@code _thumbnail_id} to the attachment's URL once it has seen the attachments, or leaves
 *     {@link #featuredImageId} for the importer)
 * @param featuredImageId WordPress's {@code _thumbnail_id}, or {@code ""}
 * @param seoTitle the title for search engines (Yoast, Ghost's {@code meta_title}), or {@code ""}
 * @param seoDescription the description for search engines, or {@code ""}
 * @param featured WordPress's sticky flag, Ghost's featured flag
 * @param language the item's language as the source tags it (WPML, Polylang, Ghost's {@code locale}),
 *     or {@code ""}
 * @param translationKey what the versions of one piece in several languages share (Polylang's
 *     {@code post_translations} term, WPML's {@code trid}), or {@code ""}
 * @param permalink the item's address on the old site, absolute, as the export gives it, or {@code ""}
 * @param oldPaths other paths that reached it on the old site, site-relative, percent-decoded, such as
 *     {@code /?p=123} or {@code /p/slug}
 */
record SourceItem(
    String id, int line, boolean page, String title, String slug, SourceStatus status,
    Instant publishedAt, Instant modifiedAt, String excerpt, String html,
    List<String> authors, List<String> categories, List<String> tags,
    String featuredImage, String featuredImageId, String seoTitle, String seoDescription, boolean featured,
    String language, String translationKey, String permalink, List<String> oldPaths) {

  SourceItem {
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
    oldPaths = List.copyOf(oldPaths);
  }
}
