/**
 * Media: the images editors upload and the site serves, and the media library page. The image
 * pipeline (variants, formats) and documents (PDF) will live here.
 *
 * <p>{@link org.thinkpress.media.Uploads} stores and finds uploads;
 * {@link org.thinkpress.media.UploadHandlers} is its admin section ({@code /admin/uploads}) and
 * serves {@code /media/NAME}; {@link org.thinkpress.media.MediaFolder} carries uploads in and out
 * of a content folder ({@code media/} with {@code media.yaml}).
 * <pre>{@code
 * Uploads.Upload chart = uploads.store(inputStream, "Grain exports, 2025.png", accountId);  // or UploadRefusedException
 * String markdown = "![Grain exports](" + chart.url() + ")";
 * }</pre>
 *
 * <h2>Traps</h2>
 * The kind of a file is decided by its bytes, never by its name or the browser's type; SVG is
 * refused (it can carry script). A stored name is the content's SHA-256, so the same image
 * uploaded twice is one file, and a file is never changed in place (it is served as immutable for
 * a year). Every upload is served with a sandboxing Content-Security-Policy.
 *
 * <h2>Words</h2>
 * <dl>
 *   <dt>upload</dt><dd>an image (PNG, JPEG, GIF, WebP) kept under {@code data.dir/uploads} as
 *   {@code SHA256.ext}, with its original name, size and dimensions in the table
 *   {@code uploads}.</dd>
 * </dl>
 */
package org.thinkpress.media;
