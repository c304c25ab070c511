/**
 * Media: the images, documents and recordings editors upload (and imports bring in) and the site
 * serves, the media library page, and the image pipeline: every image upload is cleaned (its EXIF,
 * GPS position, XMP and comments taken out; a JPEG turned by its EXIF made upright) and made in
 * responsive variants ({@code Variants}: 160, 480, 800, 1200 and 1600 pixels wide as far as the image
 * is wider, WebP and JPEG, or PNG where pixels are transparent; none for GIFs), listed in
 * {@code upload_variants}; {@link org.thinkpress.media.Images} turns an upload's address into the
 * {@code kit.Views.Image} that {@code kit/picture.jte} shows as a {@code <picture>}.
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
 * <pre>{@code
 * Optional<Views.Image> hero = images.image("/media/HASH.jpg", "Container cranes at dusk", caption, credit);
 * // in a template: @template.kit.picture(image = hero, sizes = "(max-width: 46rem) 100vw, 42rem", eager = true)
 * }</pre>
 *
 * <h2>Images</h2>
 * An image's header is read before anything is decoded, and more than 50 megapixels
 * ({@code UploadCheck.MAX_PIXELS}) is refused, so a small file declaring a huge picture (a
 * decompression bomb) never reaches a decoder. Metadata is taken out byte for byte (JPEG segments,
 * PNG chunks, WebP chunks), not by re-encoding, so the served original is the uploaded picture, and
 * cleaning a clean file changes nothing: its name (the SHA-256 of the cleaned bytes) holds through
 * an export and an import. Every uploaded byte is decoded by TwelveMonkeys' pure-Java readers; the
 * WebP writer's native libwebp only encodes the variants. Variants are made in the upload's request
 * (measured here: about 2.3 s for a 12-megapixel photo, well under one for a 2000-pixel one) and, for images
 * stored before them, beside the start ({@link org.thinkpress.media.Uploads#addMissingVariants}).
 * A variant is named after its original and its width ({@code HASH-800.webp}) and served by the
 * same route, immutable. An original imported from a content folder is kept as exported (its name
 * is its hash); one exported by an older release may still carry its EXIF, though its variants do not.
 *
 * <h2>Traps</h2>
 * The kind of a file is decided by its bytes, never by its name or the browser's type
 * ({@code FileType} lists the kinds, {@code UploadCheck} tells them); SVG and HTML are refused
 * (they can carry script), and so are plain text and CSV, whose bytes can be anything. One
 * exception: an old Word, Excel or PowerPoint file (an OLE2 compound file, told by its first eight
 * bytes) says which of the three it is only deep inside, so its name's extension ({@code .doc},
 * {@code .xls}, {@code .ppt}) decides, and only after the bytes have matched. A stored name is the
 * content's SHA-256 and the extension of what the bytes are (a DOCX called {@code report.pdf} is
 * stored as {@code .docx}), so the same file uploaded twice is one file, and a file is never changed
 * in place (it is served as immutable for a year). Every upload is served with a sandboxing
 * Content-Security-Policy and {@code nosniff}; images and recordings inline, documents as
 * attachments under their original name (PDF viewers do not all run sandboxed, office files open
 * in the reader's own software, and a download opens off the site's origin). The editor's upload
 * has a size limit ({@code admin.upload-max-mb}); {@code importFile} has none of its own, so a
 * file is streamed when served, never read whole, and one byte range is answered (players seek,
 * Safari plays nothing without ranges).
 * A file {@code importFile} copied in stays when the import's transaction rolls back: it is named
 * after its content, nothing refers to it, and the next run reuses it.
 *
 * <h2>Words</h2>
 * <dl>
 *   <dt>upload</dt><dd>a file kept under {@code data.dir/uploads} as {@code SHA256.ext} (the first
 *   32 hex digits), with its original name, type, size and (for images) dimensions in the table
 *   {@code uploads}: an image, a document or a recording.</dd>
 *   <dt>variant</dt><dd>one of an image's responsive files, {@code HASH-WIDTH.webp} and
 *   {@code .jpg} or {@code .png}, in {@code upload_variants}; made once, never changed.</dd>
 *   <dt>image</dt><dd>PNG, JPEG, GIF or WebP: an upload a body shows ({@code ![...](/media/NAME)}).</dd>
 *   <dt>document</dt><dd>PDF; Word, Excel, PowerPoint (DOCX, XLSX, PPTX, DOC, XLS, PPT);
 *   OpenDocument (ODT, ODS, ODP): linked to ({@code [...](/media/NAME)}) and downloaded.</dd>
 *   <dt>recording</dt><dd>MP3 ({@code audio/mpeg}), M4A ({@code audio/mp4}) or MP4
 *   ({@code video/mp4}): linked to, and played in the browser.</dd>
 * </dl>
 */
package org.thinkpress.media;
