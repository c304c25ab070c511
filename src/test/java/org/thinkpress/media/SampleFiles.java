package org.thinkpress.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small real files of the kinds uploads accept, built here byte by byte: the least each format
 * needs to be what it says (an archive's parts, a header's fields), and nothing from any real file.
 */
final class SampleFiles {

  static final String OPEN_DOCUMENT_TEXT = "application/vnd.oasis.opendocument.text";

  private SampleFiles() {}

  /** A Word, Excel or PowerPoint file: {@code [Content_Types].xml} and its main part ({@code word/document.xml} ...). */
  static byte[] officeOpenXml(String mainPart) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/" + mainPart + "\" ContentType=\"application/xml\"/></Types>");
    entries.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>");
    entries.put(mainPart, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document>Grain exports, 2025</document>");
    return zip(null, entries);
  }

  static byte[] docx() {
    return officeOpenXml("word/document.xml");
  }

  /** An OpenDocument file: {@code mimetype} first and stored, then its content and manifest. */
  static byte[] openDocument(String mimetype) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content"
        + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
    entries.put("META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest"
        + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>");
    return zip(mimetype, entries);
  }

  /** A ZIP archive of the entries, deflated; {@code storedMimetype}, unless null, first and stored (as in OpenDocument). */
  static byte[] zip(String storedMimetype, Map<String, String> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      if (storedMimetype != null) {
        byte[] content = storedMimetype.getBytes(StandardCharsets.US_ASCII);
        ZipEntry entry = new ZipEntry("mimetype");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
      }
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * An OLE2 compound file, as old Word, Excel and PowerPoint files are: the header sector (the
   * signature, version 3, the little-endian mark, 512-byte sectors) and two empty sectors.
   */
  static byte[] compoundFile() {
    ByteBuffer file = ByteBuffer.allocate(3 * 512).order(ByteOrder.LITTLE_ENDIAN);
    file.put(new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1});
    file.putShort(24, (short) 0x3e).putShort(26, (short) 3).putShort(28, (short) 0xfffe).putShort(30, (short) 9)
        .putShort(32, (short) 6);
    for (int difat = 76; difat < 512; difat += 4) {
      file.putInt(difat, -1); // no more sectors of the allocation table
    }
    return file.array();
  }

  /** {@code frames} MPEG-1 Layer III frames, 128 kbit/s at 44.1 kHz: 417 bytes each, a header and silence. */
  static byte[] mp3Frames(int frames) {
    byte[] audio = new byte[frames * 417];
    for (int i = 0; i < frames; i++) {
      System.arraycopy(new byte[] {(byte) 0xff, (byte) 0xfb, (byte) 0x90, 0x64}, 0, audio, i * 417, 4);
    }
    return audio;
  }

  /** An MP3 as podcasts are published: an ID3v2.3 tag (ten bytes of padding), then three frames. */
  static byte[] mp3WithId3() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 10});
    bytes.writeBytes(new byte[10]);
    bytes.writeBytes(mp3Frames(3));
    return bytes.toByteArray();
  }

  /** An ISO media file: an {@code ftyp} box of the brand ({@code "M4A "}, {@code "isom"}, {@code "heic"}), an empty {@code mdat}. */
  static byte[] isoMedia(String brand) {
    ByteBuffer file = ByteBuffer.allocate(24 + 16);
    file.putInt(24).put(ascii("ftyp")).put(ascii(brand)).putInt(0x200).put(ascii("isom")).put(ascii("iso2"));
    file.putInt(16).put(ascii("mdat")).putLong(0);
    return file.array();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
