package org.thinkpress.media;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.thinkpress.accounts.Accounts.Signed;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminPages;
import org.thinkpress.admin.AdminRoutes;
import org.thinkpress.admin.Forms;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.media.MediaViews.UploadRow;
import org.thinkpress.media.MediaViews.UploadsPage;
import org.thinkpress.media.Uploads.StoredFile;
import org.thinkpress.media.Uploads.Upload;

/**
 * Uploading images, documents and recordings (a form, or the editor's script asking for JSON) and
 * serving them at {@code /media/NAME}.
 */
public final class UploadHandlers implements AdminRoutes.Section {

  /**
   * The policy of every uploaded file, replacing the site's: nothing may run, even if a browser
   * were talked into reading an image as a document.
   */
  static final String MEDIA_POLICY = "default-src 'none'; img-src 'self'; style-src 'none'; sandbox";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Uploads uploads;
  private final AdminPages pages;

  public UploadHandlers(Uploads uploads, AdminPages pages) {
    this.uploads = requireNonNull(uploads, "uploads");
    this.pages = requireNonNull(pages, "pages");
  }

  /** The files themselves are open to anyone; the media library is for every signed-in role. */
  @Override
  public void register(AdminRoutes routes) {
    routes.open(HandlerType.GET, "/media/{file}", this::serve);
    routes.gated(HandlerType.GET, "/admin/uploads", Role.AUTHOR, this::list);
    routes.gated(HandlerType.POST, "/admin/uploads", Role.AUTHOR, this::upload);
  }

  void list(Context ctx, Signed signed) {
    show(ctx, signed, 200, null, null);
  }

  private void show(Context ctx, Signed signed, int status, String error, String lastMarkdown) {
    List<UploadRow> rows = uploads.list(100).stream()
        .map(u -> new UploadRow(u.url(), markdown(u, ""), u.originalName(), kilobytes(u.sizeBytes()),
            u.width() == null ? "" : u.width() + " × " + u.height(), u.image(), label(u.fileName())))
        .toList();
    pages.render(ctx, status, "media/admin/uploads", pages.chrome(ctx, signed, "Images and files", "uploads", error),
        new UploadsPage(rows, Math.max(1, uploads.maxBytes() / (1024 * 1024)), lastMarkdown, FileType.accept()));
  }

  void upload(Context ctx, Signed signed) throws IOException {
    boolean wantsJson = String.valueOf(ctx.header("Accept")).contains("application/json");
    UploadedFile file = ctx.uploadedFile("file");
    try {
      if (file == null) {
        throw new UploadRefusedException("choose a file to upload");
      }
      Upload upload;
      try (InputStream in = file.content()) {
        upload = uploads.store(in, file.filename(), signed.account().id());
      }
      String markdown = markdown(upload, Forms.text(ctx, "alt"));
      if (wantsJson) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("url", upload.url());
        result.put("markdown", markdown);
        json(ctx, 201, result);
      } else {
        show(ctx, signed, 201, null, markdown);
      }
    } catch (UploadRefusedException e) {
      if (wantsJson) {
        json(ctx, 400, Map.of("error", e.getMessage()));
      } else {
        show(ctx, signed, 400, "The file was not uploaded: " + e.getMessage() + ".", null);
      }
    }
  }

  /**
   * {@code /media/NAME}: the bytes as uploaded, cached for a year, sandboxed, never as a page of the
   * site. Images and recordings are sent inline (shown, played). A document is sent as an attachment
   * under the name it was uploaded as: not every browser's PDF viewer runs under the sandboxing
   * policy (Safari's shows a blank page, Chromium's long did), and office files open in the reader's
   * own software anyway; a download opens in every browser, off the site's origin, which is where a
   * document's scripts, macros and forms belong. The file is streamed, never read whole (an imported
   * recording may be hundreds of megabytes), and one byte range is answered ({@link ByteRange}).
   */
  void serve(Context ctx) throws IOException {
    String name = ctx.pathParam("file");
    StoredFile file = uploads.file(name).orElseThrow(() -> new ContentNotFoundException("file", name));
    String etag = "\"" + name + "\"";
    ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    ctx.header("ETag", etag);
    ctx.header("Content-Security-Policy", MEDIA_POLICY);
    ctx.header("Content-Disposition", !file.type().download() ? "inline; filename=\"" + name + "\""
        : attachment(uploads.find(name).map(Upload::originalName).orElse(""), name));
    ctx.header("Cross-Origin-Resource-Policy", "same-site");
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    long size = Files.size(file.path());
    ctx.header("Accept-Ranges", "bytes");
    Optional<ByteRange> range = ByteRange.of(ctx.header("Range"), size);
    if (range.isPresent() && !range.get().satisfiable()) {
      ctx.status(416);
      ctx.header("Content-Range", range.get().contentRange());
      ctx.result("");
      return;
    }
    ctx.header("Content-Type", file.contentType());
    range.ifPresent(r -> {
      ctx.status(206);
      ctx.header("Content-Range", r.contentRange());
    });
    long first = range.map(ByteRange::first).orElse(0L);
    long count = range.map(ByteRange::length).orElse(size);
    ctx.header("Content-Length", Long.toString(count));
    ctx.result(ByteRange.slice(file.path(), first, count));
  }

  private static void json(Context ctx, int status, Object body) throws IOException {
    ctx.status(status);
    ctx.header("Content-Type", "application/json; charset=utf-8");
    ctx.result(JSON.writeValueAsBytes(body));
  }

  /** An image as a body shows it; any other file as a link, by its description or else the name it was uploaded as. */
  static String markdown(Upload upload, String alt) {
    String text = alt == null ? "" : alt.replaceAll("[\\[\\]\\r\\n]", " ").strip();
    if (upload.image()) {
      return "![" + text + "](" + upload.url() + ")";
    }
    String label = text.isEmpty() ? upload.originalName().replaceAll("[\\[\\]\\r\\n]", " ").strip() : text;
    return "[" + (label.isEmpty() ? upload.fileName() : label) + "](" + upload.url() + ")";
  }

  /**
   * {@code Content-Disposition} for a download named {@code original} (with the stored file's
   * extension added if it lacks it: a DOCX once called {@code report.pdf} downloads as
   * {@code report.pdf.docx}, so that it opens in the program for what it is), or {@code stored} when
   * there is no name: an ASCII name for old clients and the exact one, percent-encoded as UTF-8
   * (RFC 6266), for the rest.
   */
  static String attachment(String original, String stored) {
    String extension = stored.substring(stored.lastIndexOf('.'));
    String name = original.isBlank() ? stored
        : original.toLowerCase(Locale.ROOT).endsWith(extension) ? original : original + extension;
    String ascii = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\%]", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  /** What the library shows in place of a file it does not show: its kind, as its extension says (PDF, DOCX, MP3). */
  private static String label(String fileName) {
    return fileName.substring(fileName.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
  }

  private static String kilobytes(long bytes) {
    return Math.max(1, (bytes + 1023) / 1024) + " KB";
  }
}
