package org.thinkpress.media;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of file the site accepts, each with the one content type it is served as and the one
 * extension it is stored under. Which a file is, its bytes decide ({@link UploadCheck}); the stored
 * names ({@link Uploads#FILE_NAME}), the types served and the upload form's {@code accept} are all
 * made from this list, so that they cannot drift apart.
 */
enum FileType {
  PNG("image/png", "png", Kind.IMAGE),
  JPEG("image/jpeg", "jpg", Kind.IMAGE),
  GIF("image/gif", "gif", Kind.IMAGE),
  WEBP("image/webp", "webp", Kind.IMAGE),
  PDF("application/pdf", "pdf", Kind.DOCUMENT),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", Kind.DOCUMENT),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", Kind.DOCUMENT),
  PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", Kind.DOCUMENT),
  ODT("application/vnd.oasis.opendocument.text", "odt", Kind.DOCUMENT),
  ODS("application/vnd.oasis.opendocument.spreadsheet", "ods", Kind.DOCUMENT),
  ODP("application/vnd.oasis.opendocument.presentation", "odp", Kind.DOCUMENT),
  DOC("application/msword", "doc", Kind.DOCUMENT),
  XLS("application/vnd.ms-excel", "xls", Kind.DOCUMENT),
  PPT("application/vnd.ms-powerpoint", "ppt", Kind.DOCUMENT),
  MP3("audio/mpeg", "mp3", Kind.RECORDING),
  M4A("audio/mp4", "m4a", Kind.RECORDING),
  MP4("video/mp4", "mp4", Kind.RECORDING);

  /**
   * How a file is served and linked: an image is shown in a body; a document is linked to and
   * downloaded (office software and PDF viewers do not all run under the sandboxing policy, and a
   * download opens off the site's origin); a recording is linked to and played in the browser.
   */
  enum Kind { IMAGE, DOCUMENT, RECORDING }

  final String contentType;
  final String extension;
  final Kind kind;

  FileType(String contentType, String extension, Kind kind) {
    this.contentType = contentType;
    this.extension = extension;
    this.kind = kind;
  }

  /** Whether it is served as an attachment (a download) rather than inline. */
  boolean download() {
    return kind == Kind.DOCUMENT;
  }

  /** The type a stored extension stands for. */
  static Optional<FileType> ofExtension(String extension) {
    return Arrays.stream(values()).filter(type -> type.extension.equals(extension)).findFirst();
  }

  /** The extensions, as a regular expression's alternatives ({@code png|jpg|...}). */
  static String extensionPattern() {
    return Arrays.stream(values()).map(type -> type.extension).collect(Collectors.joining("|"));
  }

  /** The file input's {@code accept}: every content type and extension, for browsers that know one and not the other. */
  static String accept() {
    return Arrays.stream(values()).map(type -> type.contentType + ",." + type.extension)
        .collect(Collectors.joining(","));
  }
}
