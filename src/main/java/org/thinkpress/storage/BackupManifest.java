package org.thinkpress.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backup archive holds, written as its {@code manifest.json}: which ThinkPress and schema
 * made it, when, from which database, and every entry with its size and SHA-256, so that a restore
 * can check the whole archive before it writes anything.
 *
 * @param format always {@link #FORMAT}
 * @param formatVersion the layout of the archive, {@link #FORMAT_VERSION}
 * @param application the ThinkPress version that wrote it
 * @param schemaVersion the database schema the rows are in
 * @param createdAt when the snapshot was taken (ISO-8601, UTC)
 * @param source the database it was taken from: {@code sqlite} or {@code postgresql}
 * @param tables every table, parents before children
 * @param files the data folders' files and any secrets
 * @param notes what else an operator should know (the DKIM key's reference...)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupManifest(String format, int formatVersion, String application, int schemaVersion, String createdAt,
                      String source, List<TableEntry> tables, List<FileEntry> files, Map<String, String> notes) {

  static final String FORMAT = "thinkpress-backup";
  static final int FORMAT_VERSION = 1;
  static final String ENTRY = "manifest.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public BackupManifest {
    tables = tables == null ? List.of() : List.copyOf(tables);
    files = files == null ? List.of() : List.copyOf(files);
    notes = notes == null ? Map.of() : new TreeMap<>(notes);
  }

  /** One table's rows: a JSON-lines entry, its header line first. */
  public record TableEntry(String name, long rows, String entry, long bytes, String sha256) {}

  /** One file of a data folder ({@code files/FOLDER/NAME}) or a secret ({@code secrets/NAME}). */
  public record FileEntry(String entry, long bytes, String sha256) {}

  long totalRows() {
    return tables.stream().mapToLong(TableEntry::rows).sum();
  }

  long totalFileBytes() {
    return files.stream().mapToLong(FileEntry::bytes).sum();
  }

  byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write the backup manifest", e);
    }
  }

  static BackupManifest parse(byte[] json, String archive) {
    BackupManifest manifest;
    try {
      manifest = JSON.readValue(json, BackupManifest.class);
    } catch (IOException e) {
      throw new BackupException(archive + ": " + ENTRY + " is not a ThinkPress backup manifest: " + firstLine(e));
    }
    if (!FORMAT.equals(manifest.format())) {
      throw new BackupException(archive + " is not a ThinkPress backup (" + ENTRY + " has no format '" + FORMAT + "')");
    }
    if (manifest.formatVersion() > FORMAT_VERSION) {
      throw new BackupException(archive + " was written in backup format " + manifest.formatVersion()
          + " by ThinkPress " + manifest.application() + "; this ThinkPress reads format " + FORMAT_VERSION
          + ": upgrade ThinkPress to restore it");
    }
    return manifest;
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
