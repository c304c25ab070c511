package org.thinkpress.imports;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.InvalidContentException;
import org.thinkpress.content.Languages;

/**
 * Moves an institute in: reads a WordPress, Ghost or Substack export and writes its experts, topics,
 * regions and pieces, its files and its old addresses, all in one transaction (all of it, or on any
 * failure none of it).
 *
 * <p>An export is read three times, streaming, so that a site of any size fits in a small heap: once
 * for everything but the bodies ({@link ImportIndex}), once for the files the bodies use (fetched,
 * in parallel, before the transaction opens), and once to convert and write each piece. What each
 * source thing became is kept ({@link ImportLedger}), so that running the same export again updates
 * what changed in it and adds what is new, with no second copy and no second redirect. An import
 * never records a "became published" event and never touches subscribers: nothing is announced.
 */
public final class Importer {

  private final ContentStore store;
  private final MediaStore mediaStore;
  private final Path mediaCache;
  private final String siteLanguage;
  private final Clock clock;

  /**
   * @param mediaCache where fetched files are kept between runs ({@code data.dir/imports/media-cache}),
   *     so that a run after a failed one fetches nothing twice
   * @param siteLanguage the language of pieces the export does not tag
   */
  public Importer(ContentStore store, MediaStore mediaStore, Path mediaCache, String siteLanguage, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.mediaStore = requireNonNull(mediaStore, "mediaStore");
    this.mediaCache = requireNonNull(mediaCache, "mediaCache");
    this.siteLanguage = requireNonNull(siteLanguage, "siteLanguage");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Runs the import (or, with {@code dryRun}, everything but the commit) and says what it did. */
  public ImportReport run(ImportRequest request, ImportProgress progress) {
    requireNonNull(request, "request");
    requireNonNull(progress, "progress");
    if (!Files.isRegularFile(request.file())) {
      throw new ImportException(request.file() + ": no such file");
    }
    ImportMap map = request.mapFile() == null ? ImportMap.NONE : ImportMap.read(request.mapFile());
    Platform platform = request.platform();
    SourceReader reader = platform.reader();
    String fileName = request.file().getFileName().toString();
    ImportReport report = new ImportReport(fileName + " (" + platform.key() + ")", request.dryRun());
    ImportIndex index = new ImportIndex(report);
    progress.stage("Reading", 0);
    reader.read(request.file(), index);

    String base = request.baseUrl() != null ? request.baseUrl() : withoutSlash(index.site.baseUrl());
    String host = MediaPlan.host(base);
    String source = platform.key() + ":" + (host.isEmpty() ? fileName : host);
    ImportNames names;
    try {
      names = new ImportNames(index, map, report, platform.key());
    } catch (InvalidContentException e) {
      throw new ImportException(fileName + ": " + e.getMessage());
    }
    String language = map.defaultLanguage().or(() -> validLanguage(index.site.language())).orElse(siteLanguage);
    BodyConverter bodies = new BodyConverter(base);
    Map<String, String> links = new HashMap<>(); // old address key -> new path, filled once slugs are known
    Path dryRunCache = null;
    MediaFetcher fetcher = null;
    try {
      if (request.media() != null) {
        Path cache = request.dryRun() ? dryRunCache = Files.createTempDirectory("thinkpress-import-") : mediaCache;
        Files.createDirectories(cache);
        fetcher = request.mediaFromWeb()
            ? MediaFetcher.fromUrl(URI.create(request.media()), cache, request.connections(), request.timeout(), 3)
            : MediaFetcher.fromFolder(Path.of(request.media()), cache);
      }
      MediaPlan media = new MediaPlan(base, fetcher, request.mediaFromWeb() ? URI.create(request.media()) : null, links);
      if (fetcher != null) {
        findMedia(request, reader, bodies, index, media, progress);
        failIfStrict(request, media);
      } else {
        report.loss("", "no --media was given: the bodies' images and files still point at the old site");
      }
      ItemConverter converter = new ItemConverter(names, bodies, platform.flavour, media, index, store.types(), map,
          language, index.site.title(), clock.instant());
      ImportWrite write = new ImportWrite(request, reader, index, names, media, converter, links, source, report,
          progress, mediaStore, map, clock);
      return store.importInOneTransaction(!request.dryRun(), write::run);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the folder for imported files: " + e.getMessage(), e);
    } finally {
      if (fetcher != null) {
        fetcher.close();
      }
      deleteQuietly(dryRunCache);
    }
  }

  /** The second read: every file the bodies, featured images and portraits use; then fetches them. */
  private static void findMedia(ImportRequest request, SourceReader reader, BodyConverter bodies, ImportIndex index,
      MediaPlan media, ImportProgress progress) {
    progress.stage("Finding media", index.items.size());
    reader.read(request.file(), new SourceVisitor() {
      @Override
      public void item(SourceItem item) {
        progress.advance(1);
        bodies.references(item.html(), request.platform().flavour, index::attachmentUrl)
            .forEach(reference -> media.want(reference.url(), reference.embedded()));
        media.want(item.featuredImage(), true);
        index.attachmentUrl(item.featuredImageId()).ifPresent(url -> media.want(url, true));
      }
    });
    index.authors.values().forEach(author -> media.want(author.photoUrl(), true));
    progress.stage("Fetching media", media.wantedCount());
    media.fetch(progress::advance);
  }

  private static void failIfStrict(ImportRequest request, MediaPlan media) {
    if (!request.strict() || media.failures().isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder(request.file().getFileName() + ": " + media.failures().size()
        + " file(s) could not be had, and --strict was given; nothing was imported:");
    media.failures().entrySet().stream().limit(20)
        .forEach(failure -> message.append("\n  ").append(failure.getKey()).append(" (").append(failure.getValue()).append(')'));
    if (media.failures().size() > 20) {
      message.append("\n  and ").append(media.failures().size() - 20).append(" more");
    }
    throw new ImportException(message.toString());
  }

  private static Optional<String> validLanguage(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Languages.require("language", tag.replace('_', '-')));
    } catch (InvalidContentException e) {
      return Optional.empty();
    }
  }

  private static String withoutSlash(String url) {
    String stripped = url == null ? "" : url.strip();
    while (stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped;
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder of a dry run: the system cleans it
    }
  }
}
