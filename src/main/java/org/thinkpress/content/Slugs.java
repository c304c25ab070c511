package org.thinkpress.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Slugs: the lower-case ASCII words joined by hyphens that name a piece, an expert, a topic or a
 * region in URLs and files ({@code water-diplomacy-in-the-kura-basin}).
 */
public final class Slugs {

  /** The longest slug accepted; long enough for any title, short enough for a tidy URL. */
  public static final int MAX_LENGTH = 120;

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

  /** Russian and Armenian letters in a common, readable Latin transliteration. */
  private static final Map<Character, String> TRANSLITERATION = Map.ofEntries(
      Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
      Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
      Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
      Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
      Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
      Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""),
      Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"), Map.entry('і', "i"), Map.entry('ї', "yi"),
      Map.entry('є', "ye"), Map.entry('ґ', "g"),
      Map.entry('ա', "a"), Map.entry('բ', "b"), Map.entry('գ', "g"), Map.entry('դ', "d"), Map.entry('ե', "e"),
      Map.entry('զ', "z"), Map.entry('է', "e"), Map.entry('ը', "y"), Map.entry('թ', "t"), Map.entry('ժ', "zh"),
      Map.entry('ի', "i"), Map.entry('լ', "l"), Map.entry('խ', "kh"), Map.entry('ծ', "ts"), Map.entry('կ', "k"),
      Map.entry('հ', "h"), Map.entry('ձ', "dz"), Map.entry('ղ', "gh"), Map.entry('ճ', "ch"), Map.entry('մ', "m"),
      Map.entry('յ', "y"), Map.entry('ն', "n"), Map.entry('շ', "sh"), Map.entry('ո', "o"), Map.entry('չ', "ch"),
      Map.entry('պ', "p"), Map.entry('ջ', "j"), Map.entry('ռ', "r"), Map.entry('ս', "s"), Map.entry('վ', "v"),
      Map.entry('տ', "t"), Map.entry('ր', "r"), Map.entry('ց', "ts"), Map.entry('ւ', "v"), Map.entry('փ', "p"),
      Map.entry('ք', "k"), Map.entry('և', "ev"), Map.entry('օ', "o"), Map.entry('ֆ', "f"));

  private Slugs() {}

  public static boolean isValid(String slug) {
    return slug != null && slug.length() <= MAX_LENGTH && SLUG.matcher(slug).matches();
  }

  /**
   * Checks a slug and returns it, or throws an {@link InvalidContentException} that names the
   * field and says what a slug may contain.
   */
  public static String require(String field, String slug) {
    if (slug == null || slug.isEmpty()) {
      throw new InvalidContentException(field + " is missing");
    }
    if (!isValid(slug)) {
      throw new InvalidContentException(field + " '" + slug + "' is not a valid slug: use lower-case letters a-z, digits"
          + " and single hyphens, at most " + MAX_LENGTH + " characters");
    }
    return slug;
  }

  /**
   * Proposes a slug for a title in any language: Latin letters lose their accents, Cyrillic and
   * Armenian are transliterated, everything else becomes a separator. Returns {@code ""} when
   * nothing usable is left (a title of only punctuation or an unsupported script).
   */
  public static String fromTitle(String title) {
    StringBuilder latin = new StringBuilder(title.length());
    String lower = title.toLowerCase(Locale.ROOT).replace("ու", "u"); // the Armenian digraph for "u"
    for (char c : lower.toCharArray()) {
      String mapped = TRANSLITERATION.get(c);
      latin.append(mapped != null ? mapped : String.valueOf(c));
    }
    String ascii = MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll("");
    String slug = NOT_SLUG.matcher(ascii).replaceAll("-");
    slug = trimHyphens(slug);
    if (slug.length() > MAX_LENGTH) {
      int cut = slug.lastIndexOf('-', MAX_LENGTH);
      slug = trimHyphens(slug.substring(0, cut > 0 ? cut : MAX_LENGTH));
    }
    return slug;
  }

  private static String trimHyphens(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(start, end);
  }
}
