package org.thinkpress.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Office documents, told by their bytes. Word, Excel and PowerPoint files since 2007 and
 * OpenDocument files are ZIP archives: OpenDocument's first entry is {@code mimetype}, stored
 * uncompressed, holding the document's type, so the file's first bytes say what it is; an Office
 * Open XML file has {@code [Content_Types].xml} and its parts under {@code word/}, {@code xl/} or
 * {@code ppt/}, which the archive's directory lists. Only the entries' names are read, never their
 * content (nothing is decompressed, so an archive built to expand a thousandfold costs nothing),
 * and only the first {@link #MAX_ENTRIES}. Any other archive is refused.
 *
 * <p>Older Word, Excel and PowerPoint files ({@code .doc}, {@code .xls}, {@code .ppt}) are OLE2
 * compound files, which all begin with the same eight bytes; what kind of document one holds is
 * written deep inside, in a stream whose place only a full parse finds. So once the bytes have
 * shown the file to be a compound file, and only then, its original name's extension tells which
 * of the three it is; a compound file named otherwise (an Outlook message, an installer, a
 * thumbnail cache, or a document without its extension) is refused.
 */
final class OfficeFiles {

  /** How many of an archive's entries are looked at before it is refused as none of these. */
  static final int MAX_ENTRIES = 5_000;

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] COMPOUND = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
      (byte) 0xe1};
  /** The part of a compound file's header read here: its first sector. */
  private static final int COMPOUND_HEADER = 512;

  private static final Map<String, FileType> OPEN_DOCUMENT = Map.of(
      "application/vnd.oasis.opendocument.text", FileType.ODT,
      "application/vnd.oasis.opendocument.spreadsheet", FileType.ODS,
      "application/vnd.oasis.opendocument.presentation", FileType.ODP);
  private static final Map<String, FileType> OFFICE_OPEN_XML = Map.of(
      "word/", FileType.DOCX, "xl/", FileType.XLSX, "ppt/", FileType.PPTX);
  private static final Map<String, FileType> COMPOUND_EXTENSIONS = Map.of(
      "doc", FileType.DOC, "xls", FileType.XLS, "ppt", FileType.PPT);

  private OfficeFiles() {}

  static boolean zip(byte[] head) {
    return UploadCheck.startsWith(head, 0, ZIP);
  }

  static boolean compound(byte[] head) {
    return UploadCheck.startsWith(head, 0, COMPOUND);
  }

  /** The office document a ZIP archive is, by its first entry or its entries' names; else refused. */
  static FileType inZip(Path file, byte[] head) throws IOException {
    Optional<FileType> openDocument = openDocument(head);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (openDocument.isPresent()) {
        return openDocument.get();
      }
      return officeOpenXml(zip).orElseThrow(() -> new UploadRefusedException("this file is a ZIP archive but not a"
          + " Word, Excel or PowerPoint document (DOCX, XLSX, PPTX) or an OpenDocument text, spreadsheet or"
          + " presentation (ODT, ODS, ODP), and other archives cannot be uploaded"));
    } catch (ZipException | IllegalArgumentException e) {
      throw new UploadRefusedException("the file starts like a ZIP archive (as Word, Excel, PowerPoint and"
          + " OpenDocument files do) but is damaged or cut short");
    }
  }

  /**
   * OpenDocument's own mark: the archive's first local header is {@code mimetype}, stored (method 0),
   * and its bytes, right after the header, are one of the three types. Offsets as in PKWARE's APPNOTE.
   */
  private static Optional<FileType> openDocument(byte[] head) {
    if (head.length < 30 || little16(head, 8) != 0 || little16(head, 26) != 8
        || !UploadCheck.startsWith(head, 30, "mimetype".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    long size = little32(head, 18);
    int start = 30 + 8 + little16(head, 28);
    if (size <= 0 || start + size > head.length) {
      return Optional.empty();
    }
    return Optional.ofNullable(OPEN_DOCUMENT.get(new String(head, start, (int) size, StandardCharsets.US_ASCII)));
  }

  private static Optional<FileType> officeOpenXml(ZipFile zip) {
    boolean contentTypes = false;
    FileType part = null;
    Enumeration<? extends ZipEntry> entries = zip.entries();
    for (int seen = 0; seen < MAX_ENTRIES && entries.hasMoreElements(); seen++) {
      String name = entries.nextElement().getName();
      contentTypes |= name.equals("[Content_Types].xml");
      if (part == null) {
        part = OFFICE_OPEN_XML.entrySet().stream().filter(prefix -> name.startsWith(prefix.getKey()))
            .map(Map.Entry::getValue).findFirst().orElse(null);
      }
      if (contentTypes && part != null) {
        return Optional.of(part);
      }
    }
    return Optional.empty();
  }

  /**
   * A compound file's type, by its original name once its header is sound (version 3 or 4, the
   * little-endian mark, a sector size of 512 or 4096 bytes).
   */
  static FileType compound(byte[] head, String originalName) {
    if (head.length < COMPOUND_HEADER || !(little16(head, 26) == 3 && little16(head, 30) == 9
        || little16(head, 26) == 4 && little16(head, 30) == 12) || little16(head, 28) != 0xfffe) {
      throw new UploadRefusedException("the file starts like an old Word, Excel or PowerPoint document but is"
          + " damaged or cut short");
    }
    String name = originalName == null ? "" : originalName.strip();
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    FileType type = name.contains(".") ? COMPOUND_EXTENSIONS.get(extension) : null;
    if (type == null) {
      throw new UploadRefusedException("this file is an old-style Office file (an OLE2 compound file), whose bytes"
          + " do not tell a Word document from a spreadsheet, a presentation or an Outlook message, so it is"
          + " accepted only when its name ends in .doc, .xls or .ppt");
    }
    return type;
  }

  private static int little16(byte[] bytes, int offset) {
    return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8;
  }

  private static long little32(byte[] bytes, int offset) {
    return little16(bytes, offset) | (long) little16(bytes, offset + 2) << 16;
  }
}
