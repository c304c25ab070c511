package org.thinkpress.research;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.Publication;
import org.thinkpress.kit.PageResponder;
import org.thinkpress.kit.RenderedPage;
import org.thinkpress.kit.Urls;

/** {@code GET /publications/SLUG/cite.bib}, {@code .ris} and {@code .json}: downloads, named after the piece. */
final class CitationRoutes {

  private final ContentReader reader;
  private final Citations citations;
  private final String cacheControl;

  CitationRoutes(ContentReader reader, Citations citations, int maxAgeSeconds) {
    this.reader = reader;
    this.citations = citations;
    this.cacheControl = "public, max-age=" + maxAgeSeconds;
  }

  void register(RoutesConfig routes) {
    for (CitationFile file : CitationFile.values()) {
      Handler handler = ctx -> send(ctx, file);
      String path = Urls.PUBLICATIONS + "/{slug}/cite." + file.extension();
      routes.get(path, handler);
      routes.head(path, handler);
    }
  }

  private void send(Context ctx, CitationFile file) throws Exception {
    String slug = ctx.pathParam("slug");
    Publication publication = reader.publicPublication(slug)
        .orElseThrow(() -> new ContentNotFoundException("publication", slug));
    byte[] body = file.write(citations.item(publication)).getBytes(StandardCharsets.UTF_8);
    RenderedPage page = RenderedPage.of(200, file.contentType(), body, publication.changedAt().toEpochMilli(),
        reader.version().current());
    ctx.header("Content-Disposition", "attachment; filename=\"" + slug + "." + file.extension() + "\"");
    PageResponder.send(ctx, page, cacheControl);
  }
}
