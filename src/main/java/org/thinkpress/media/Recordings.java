package org.thinkpress.media;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Recordings, told by their bytes: MP3 (an ID3 tag, or an MPEG-1/2 Layer III frame followed by
 * another where the first says the next begins) and the MP4 family (an {@code ftyp} box at offset 4
 * whose major brand is M4A audio or one of the plain MP4 brands). Other ISO media files share the
 * {@code ftyp} box, HEIC and AVIF photos and QuickTime films among them; they are refused, naming
 * their brand, rather than served as video.
 */
final class Recordings {

  /** Major brands of MP4 video (and of audio written by tools that do not say M4A). */
  private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1",
      "M4V ", "dash", "MSNV");
  /** Layer III bitrates in kbit/s by index, for MPEG-1 and for MPEG-2 and 2.5; 0 and 15 are not bitrates. */
  private static final int[][] BITRATES = {
      {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0},
      {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0}};
  /** Sampling rates in Hz by index, for MPEG-1, MPEG-2 and MPEG-2.5. */
  private static final int[][] SAMPLING = {{44_100, 48_000, 32_000}, {22_050, 24_000, 16_000}, {11_025, 12_000, 8_000}};

  private Recordings() {}

  /** The recording the file's first bytes show, or empty if they show none. */
  static Optional<FileType> sniff(byte[] head) {
    if (id3(head)) {
      return Optional.of(FileType.MP3);
    }
    int first = frameLength(head, 0);
    if (first > 0) {
      if (frameLength(head, first) <= 0) {
        throw new UploadRefusedException("the file starts like an MP3 recording but is damaged or cut short");
      }
      return Optional.of(FileType.MP3);
    }
    if (!UploadCheck.startsWith(head, 4, "ftyp".getBytes(StandardCharsets.US_ASCII)) || head.length < 12) {
      return Optional.empty();
    }
    String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
    if (brand.equals("M4A ")) {
      return Optional.of(FileType.M4A);
    }
    if (MP4_BRANDS.contains(brand)) {
      return Optional.of(FileType.MP4);
    }
    throw new UploadRefusedException("this file is an ISO media file of the brand '"
        + brand.replaceAll("[^\\x20-\\x7e]", "?").strip() + "' (as HEIC and AVIF photos and QuickTime and 3GP films"
        + " are), and of these only MP4 video and M4A audio can be uploaded");
  }

  /** An ID3v2 tag: {@code ID3}, version 2 to 4, and a size of four 7-bit bytes. */
  private static boolean id3(byte[] b) {
    return b.length >= 10 && b[0] == 'I' && b[1] == 'D' && b[2] == '3' && b[3] >= 2 && b[3] <= 4
        && (b[6] | b[7] | b[8] | b[9]) >= 0;
  }

  /** The length of the Layer III frame whose header is at {@code at}, or 0 if there is none there. */
  private static int frameLength(byte[] b, int at) {
    if (b.length < at + 4 || (b[at] & 0xff) != 0xff || (b[at + 1] & 0xe0) != 0xe0) {
      return 0;
    }
    int version = (b[at + 1] >> 3) & 3; // 0: MPEG-2.5, 1: reserved, 2: MPEG-2, 3: MPEG-1
    int layer = (b[at + 1] >> 1) & 3; // 1: Layer III
    int bitrateIndex = (b[at + 2] >> 4) & 0xf;
    int samplingIndex = (b[at + 2] >> 2) & 3;
    if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || samplingIndex == 3) {
      return 0;
    }
    boolean mpeg1 = version == 3;
    int bitrate = BITRATES[mpeg1 ? 0 : 1][bitrateIndex] * 1000;
    int sampling = SAMPLING[mpeg1 ? 0 : version == 2 ? 1 : 2][samplingIndex];
    int padding = (b[at + 2] >> 1) & 1;
    return (mpeg1 ? 144 : 72) * bitrate / sampling + padding;
  }
}
