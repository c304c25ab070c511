package org.thinkpress.imports;

/**
 * A file the old site keeps in its media library (WordPress attachments).
 *
 * @param id the source's id for it (WordPress {@code post_id}), what {@code _thumbnail_id} and
 *     {@code [gallery ids]} name
 * @param url the file's absolute URL on the old site
 * @param parentId the id of the item it was uploaded to, or {@code ""}
 * @param title its title or caption, or {@code ""}
 * @param line where the export describes it, for messages
 */
record SourceAttachment(String id, String url, String parentId, String title, int line) {}
