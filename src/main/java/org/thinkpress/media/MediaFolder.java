package org.thinkpress.media;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.thinkpress.content.ContentImportException.Problem;

/**
 * The uploads in a content folder: {@code media/NAME}, the files as the site serves them at
 * {@code /media/NAME}, and {@code media.yaml}, what the library knows of each (the name it was
 * uploaded as, when). {@code content export} writes them beside the Markdown, so that the bodies'
 * images, documents and recordings travel with them; {@code content import} checks every file as
 * an upload is checked (by its bytes, named after their SHA-256) and brings them back in the
 * import's transaction.
 * {@link #importFile} does the same for one file of another site, for the importers of
 * {@code org.thinkpress.imports}.
 */
public final class MediaFolder {

  static final String FOLDER = "media";
  static final String INDEX = "media.yaml";
  private static final Set<String> FIELDS = Set.of("file", "name", "uploaded");
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .build());

  /** A checked file of a content folder's {@code media/}, ready to import. */
  public record File(Path source, UploadCheck.Checked checked, String originalName, Instant uploadedAt, long size) {}

  private MediaFolder() {}

  /** Copies every upload into {@code FOLDER/media/} and lists them in {@code media.yaml}; returns how many. */
  public static int write(Uploads uploads, Path contentFolder) {
    requireNonNull(uploads, "uploads");
    List<Uploads.Upload> all = new ArrayList<>(uploads.list(Integer.MAX_VALUE));
    all.sort(java.util.Comparator.comparing(Uploads.Upload::fileName));
    List<Map<String, Object>> index = new ArrayList<>();
    try {
      for (Uploads.Upload upload : all) {
        Path file = uploads.folder().resolve(upload.fileName());
        if (!Files.isRegularFile(file)) {
          throw new UncheckedIOException(new IOException("the upload " + upload.fileName() + " is listed in the"
              + " database but missing from " + uploads.folder()));
        }
        Files.createDirectories(contentFolder.resolve(FOLDER));
        Files.copy(file, contentFolder.resolve(FOLDER).resolve(upload.fileName()));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", upload.fileName());
        entry.put("name", upload.originalName());
        entry.put("uploaded", upload.createdAt().toString());
        index.add(entry);
      }
      if (!index.isEmpty()) {
        Files.writeString(contentFolder.resolve(INDEX), YAML.writeValueAsString(index), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the media to " + contentFolder + ": " + e.getMessage(), e);
    }
    return index.size();
  }

  /**
   * Checks {@code media/} and {@code media.yaml}; adds every problem (file and line) and returns
   * the files that passed. Nothing is written.
   */
  public static List<File> read(Path contentFolder, List<Problem> problems) {
    Map<String, Map<String, Object>> index = index(contentFolder, problems);
    Path folder = contentFolder.resolve(FOLDER);
    List<File> files = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      index.keySet().forEach(name -> problems.add(new Problem(INDEX, 0, "lists " + name + ", which is not in " + FOLDER + "/")));
      return files;
    }
    List<Path> paths;
    try (Stream<Path> entries = Files.list(folder)) {
      paths = entries.sorted().toList();
    } catch (IOException e) {
      problems.add(new Problem(FOLDER, 0, "cannot be read: " + e.getMessage()));
      return files;
    }
    for (Path path : paths) {
      String name = path.getFileName().toString();
      String where = FOLDER + "/" + name;
      if (!Files.isRegularFile(path)) {
        problems.add(new Problem(where, 0, "is not a file; " + FOLDER + "/ holds only the uploaded files"));
        continue;
      }
      try {
        // the stored name's extension is what tells an old Office file's kind, as the original did at upload
        UploadCheck.Checked checked = UploadCheck.check(path, name);
        if (!checked.fileName().equals(name)) {
          problems.add(new Problem(where, 0, "its content does not match its name (a file of this content is named "
              + checked.fileName() + "); uploads are named after the SHA-256 of their bytes"));
          continue;
        }
        Map<String, Object> known = index.remove(name);
        String original = known == null ? name : Uploads.cleanName(String.valueOf(known.getOrDefault("name", name)));
        Instant uploaded = known == null ? null : uploaded(known, where, problems);
        files.add(new File(path, checked, original, uploaded, Files.size(path)));
      } catch (UploadRefusedException e) {
        problems.add(new Problem(where, 0, e.getMessage()));
      } catch (IOException e) {
        problems.add(new Problem(where, 0, "cannot be read: " + e.getMessage()));
      }
    }
    index.keySet().forEach(name -> problems.add(new Problem(INDEX, 0, "lists " + name + ", which is not in " + FOLDER + "/")));
    return files;
  }

  private static Instant uploaded(Map<String, Object> entry, String where, List<Problem> problems) {
    Object value = entry.get("uploaded");
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      problems.add(new Problem(INDEX, 0, where + ": uploaded '" + value + "' is not a time such as 2026-01-31T09:00:00Z"));
      return null;
    }
  }

  private static Map<String, Map<String, Object>> index(Path contentFolder, List<Problem> problems) {
    Map<String, Map<String, Object>> index = new TreeMap<>();
    Path file = contentFolder.resolve(INDEX);
    if (!Files.isRegularFile(file)) {
      return index;
    }
    Object value;
    try {
      value = YAML.readValue(Files.readString(file, StandardCharsets.UTF_8), Object.class);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      problems.add(new Problem(INDEX, Math.max(line, 1), "YAML syntax: " + e.getOriginalMessage().lines().findFirst().orElse("")));
      return index;
    } catch (IOException e) {
      problems.add(new Problem(INDEX, 0, "cannot be read: " + e.getMessage()));
      return index;
    }
    if (value == null) {
      return index;
    }
    if (!(value instanceof List<?> entries)) {
      problems.add(new Problem(INDEX, 1, "must be a list of files (- file: NAME, name: ..., uploaded: ...)"));
      return index;
    }
    int position = 0;
    for (Object item : entries) {
      position++;
      if (!(item instanceof Map<?, ?> map) || !(map.get("file") instanceof String name)) {
        problems.add(new Problem(INDEX, 0, "entry " + position + " has no file name ('file: NAME')"));
        continue;
      }
      for (Object key : map.keySet()) {
        if (!FIELDS.contains(String.valueOf(key))) {
          problems.add(new Problem(INDEX, 0, name + ": unknown field '" + key + "'; known fields: file, name, uploaded"));
        }
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      map.forEach((k, v) -> fields.put(String.valueOf(k), v));
      if (index.put(name, fields) != null) {
        problems.add(new Problem(INDEX, 0, name + " is listed twice"));
      }
    }
    return index;
  }

  /**
   * Brings checked files into the uploads, in the caller's transaction: each file is copied in
   * (under a temporary name, then renamed) and gets its row unless one exists. Returns the files it
   * added, so that the caller can take them out again if the transaction rolls back.
   */
  public static List<Path> importInto(Handle handle, Uploads uploads, List<File> files, long now) {
    List<Path> added = new ArrayList<>();
    try {
      for (File file : files) {
        if (copyIn(uploads, file.source(), file.checked().fileName())) {
          added.add(uploads.folder().resolve(file.checked().fileName()));
        }
        insert(handle, file.checked(), file.originalName(), file.size(),
            file.uploadedAt() == null ? now : file.uploadedAt().toEpochMilli());
        addVariants(handle, uploads, file.checked());
      }
      return added;
    } catch (IOException e) {
      added.forEach(MediaFolder::deleteQuietly);
      throw new UncheckedIOException("Cannot copy the media into " + uploads.folder() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Makes one file of another site an upload, in the caller's transaction (an import's): checks it
   * as an upload is checked, by its bytes (an image must parse, a PDF must begin and end as one, an
   * office document's archive must hold its parts; an old Word, Excel or PowerPoint file's kind is
   * taken from {@code originalName}, and only once its bytes show it to be one), copies it into
   * the uploads under its content's name unless a file of that name is there, and adds its row unless
   * one exists, in which case the existing upload is returned as it is (its original name, its time).
   *
   * <p>The editors' upload limit does not apply: an old site's reports may be larger, and whoever
   * brought the file in has bounded it (the importer's fetcher refuses responses past its limit).
   *
   * <p>A file copied in stays if the transaction rolls back: it is named after its content, no row
   * refers to it, nothing serves it, and the next run finds it there and reuses it.
   *
   * @param originalName the name the file had on the old site, shown in the media library and in messages
   * @throws UploadRefusedException naming {@code originalName} and what the file is, when it is not
   *     a type the site accepts ({@code photo.svg: SVG images cannot be uploaded, ...})
   */
  public static Uploads.Upload importFile(Handle handle, Uploads uploads, Path file, String originalName, long now) {
    requireNonNull(handle, "handle");
    requireNonNull(uploads, "uploads");
    requireNonNull(file, "file");
    String cleaned = Uploads.cleanName(originalName);
    String original = cleaned.isEmpty() ? file.getFileName().toString() : cleaned;
    try {
      UploadCheck.Checked checked;
      try {
        checked = UploadCheck.check(file, original);
      } catch (UploadRefusedException e) {
        throw new UploadRefusedException(original + ": " + e.getMessage());
      }
      checked = copyInClean(uploads, file, checked, original);
      insert(handle, checked, original, Files.size(uploads.folder().resolve(checked.fileName())), now);
      addVariants(handle, uploads, checked);
      return handle.createQuery("SELECT * FROM uploads WHERE file_name = :name").bind("name", checked.fileName())
          .map((rs, ctx) -> Uploads.upload(rs)).one();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy " + file + " into " + uploads.folder() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Copies a file of another site into the uploads, its metadata taken out ({@link ImageProcessing#clean}),
   * under the name of what it then holds unless a file of that name is there; returns its check.
   */
  private static UploadCheck.Checked copyInClean(Uploads uploads, Path source, UploadCheck.Checked checked,
                                                 String original) throws IOException {
    Files.createDirectories(uploads.folder());
    Path partial = Files.createTempFile(uploads.folder(), "upload-", ".part");
    try {
      Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
      UploadCheck.Checked clean;
      try {
        clean = ImageProcessing.clean(partial, checked, original);
      } catch (UploadRefusedException e) {
        throw new UploadRefusedException(original + ": " + e.getMessage());
      }
      Path target = uploads.folder().resolve(clean.fileName());
      if (!Files.exists(target)) {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      return clean;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** Makes and lists an image's variants, unless they are listed (an image imported again). */
  private static void addVariants(Handle handle, Uploads uploads, UploadCheck.Checked checked) throws IOException {
    if (ImageProcessing.processed(checked.type()) && !ImageProcessing.hasVariants(handle, checked.fileName())) {
      ImageProcessing.record(handle, checked.fileName(), ImageProcessing.make(uploads.folder(), checked));
    }
  }

  /** Copies a file into the uploads under {@code fileName} unless it is there; true if it was not. */
  private static boolean copyIn(Uploads uploads, Path source, String fileName) throws IOException {
    Path target = uploads.folder().resolve(fileName);
    if (Files.exists(target)) {
      return false;
    }
    Files.createDirectories(uploads.folder());
    Path partial = Files.createTempFile(uploads.folder(), "upload-", ".part");
    try {
      Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
    return true;
  }

  private static void insert(Handle handle, UploadCheck.Checked checked, String originalName, long size, long createdAt) {
    int[] dimensions = checked.size();
    handle.createUpdate("INSERT INTO uploads (file_name, original_name, content_type, size_bytes, width, height,"
            + " account_id, created_at) VALUES (:name, :original, :type, :size, :width, :height, NULL, :created)"
            + " ON CONFLICT (file_name) DO NOTHING")
        .bind("name", checked.fileName()).bind("original", originalName).bind("type", checked.contentType())
        .bind("size", size).bind("width", dimensions == null ? null : dimensions[0])
        .bind("height", dimensions == null ? null : dimensions[1]).bind("created", createdAt).execute();
  }

  /** Takes out files {@link #importInto} added, after its transaction rolled back. */
  public static void forget(List<Path> added) {
    added.forEach(MediaFolder::deleteQuietly);
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // an orphan file named after its content: no row refers to it
    }
  }
}
