package org.thinkpress.imports;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How WordPress writes the values a WXR file holds, undone: percent-encoded slugs, taxonomy names,
 * locale codes, logins that stand for author URL names.
 */
final class WxrText {

  private WxrText() {}

  /**
   * A slug as WordPress stores it ({@code %d0%b0%d1%80...} for a Cyrillic one), decoded as UTF-8.
   * Only {@code %XX} sequences are decoded ({@code +} stays a plus, unlike form decoding); a slug whose
   * bytes are not UTF-8, or that has a stray {@code %}, is returned as written rather than half-decoded.
   */
  static String decodeSlug(String slug) {
    String s = slug.strip();
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%') {
        int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
        bytes.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
        continue;
      }
      int high = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
      int low = high >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
      if (low < 0) {
        return s;
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return s;
    }
  }

  /** WordPress's taxonomy names as ThinkPress's source model says them; WXR 1.0 wrote tags as {@code tag}. */
  static String taxonomy(String wordpress) {
    return switch (wordpress) {
      case "post_tag", "tag" -> SourceTerm.TAG;
      default -> wordpress;
    };
  }

  /**
   * A language as WordPress and its plugins write it ({@code en-US}, Polylang's {@code en} or
   * {@code pt-br}, a locale such as {@code en_US}) as a BCP 47 tag ({@code en-US}, {@code en}, {@code pt-BR});
   * {@code ""} when there is none or it is no language tag at all.
   */
  static String languageTag(String code) {
    String tag = code.strip().replace('_', '-');
    if (tag.isEmpty()) {
      return "";
    }
    String bcp47 = Locale.forLanguageTag(tag).toLanguageTag();
    return "und".equals(bcp47) ? "" : bcp47;
  }

  /**
   * The name WordPress most likely gives a login in author URLs ({@code /author/NAME/}). The export
   * lacks {@code user_nicename}, which WordPress derives from the login as it derives a slug from a
   * title: lower case, dots and spaces to hyphens, other punctuation dropped, hyphens collapsed.
   */
  static String nicename(String login) {
    String lower = login.strip().toLowerCase(Locale.ROOT);
    StringBuilder name = new StringBuilder(lower.length());
    lower.codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c) || c == '_') {
        name.appendCodePoint(c);
      } else if (c == '-' || c == '.' || Character.isWhitespace(c)) {
        if (name.length() > 0 && name.charAt(name.length() - 1) != '-') {
          name.append('-');
        }
      }
    });
    int end = name.length();
    while (end > 0 && name.charAt(end - 1) == '-') {
      end--;
    }
    return name.substring(0, end);
  }

  /** An address without the trailing slashes WordPress sometimes writes ({@code https://example.org/}). */
  static String withoutTrailingSlash(String url) {
    String s = url.strip();
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(0, end);
  }
}
