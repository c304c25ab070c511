/**
 * Media: the images and PDF documents editors upload and the site serves, and the media library
 * page. The image pipeline (variants, formats) will live here.
 *
 * <p>{@link org.thinkpress.media.Uploads} stores and finds uploads;
 * {@link org.thinkpress.media.UploadHandlers} is its admin section ({@code /admin/uploads}) and
 * serves {@code /media/NAME}; {@link org.thinkpress.media.MediaFolder} carries uploads in and out
 * of a content folder ({@code media/} with {@code media.yaml}), and makes another site's files
 * uploads in an import's transaction ({@code importFile}).
 * <pre>{@code
 * Uploads.Upload chart = uploads.store(inputStream, "Grain exports, 2025.png", accountId);  // or UploadRefusedException
 * String markdown = "![Grain exports](" + chart.url() + ")";
 *
 * jdbi.useTransaction(handle -> {   // an import
 *   Uploads.Upload report = MediaFolder.importFile(handle, uploads, fetchedFile, "annual-report.pdf", now);
 *   ...                             // the bodies link to report.url()
 * });
 * }</pre>
 *
 * <h2>Traps</h2>
 * The kind of a file is decided by its bytes, never by its name or the browser's type; SVG and
 * HTML are refused (they can carry script). A stored name is the content's SHA-256, so the same
 * file uploaded twice is one file, and a file is never changed in place (it is served as immutable
 * for a year). Every upload is served with a sandboxing Content-Security-Policy; images inline, PDFs
 * as attachments (PDF viewers do not all run sandboxed, and a download opens off the site's origin).
 * A file {@code importFile} copied in stays when the import's transaction rolls back: it is named
 * after its content, nothing refers to it, and the next run reuses it.
 *
 * <h2>Words</h2>
 * <dl>
 *   <dt>upload</dt><dd>an image (PNG, JPEG, GIF, WebP) or a PDF document kept under
 *   {@code data.dir/uploads} as {@code SHA256.ext} (the first 32 hex digits), with its original
 *   name, type, size and (for PNG, JPEG and GIF) dimensions in the table {@code uploads}.</dd>
 *   <dt>image</dt><dd>an upload a body shows ({@code ![...](/media/NAME)}); a PDF is linked to
 *   ({@code [...](/media/NAME)}).</dd>
 * </dl>
 */
package org.thinkpress.media;
