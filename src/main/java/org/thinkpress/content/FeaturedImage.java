package org.thinkpress.content;

import java.util.regex.Pattern;

/**
 * The image a publication is shown with: at the top of its page, on its cards and in social cards.
 * It is an uploaded image, named by its address ({@code /media/NAME}); which uploads are images is
 * for {@code media} to say, where the editor picks one.
 *
 * @param url the upload's address, {@code /media/} and its stored name
 * @param alt what the image shows, for readers who cannot see it: required
 * @param caption a line under it, or {@code ""}
 * @param credit who made it (a photographer, an agency, a licence), or {@code ""}
 */
public record FeaturedImage(String url, String alt, String caption, String credit) {

  public static final int MAX_ALT = 300;
  public static final int MAX_CAPTION = 500;
  public static final int MAX_CREDIT = 200;
  /** An uploaded image's address: the name media stores images under (its hash and the extension of an image type). */
  private static final Pattern URL = Pattern.compile("/media/[0-9a-f]{32}\\.(png|jpg|gif|webp)");

  public FeaturedImage {
    url = url == null ? "" : url.strip();
    if (!URL.matcher(url).matches()) {
      throw new InvalidContentException("image '" + url + "' is not an uploaded image; give an address such as"
          + " /media/0123456789abcdef0123456789abcdef.jpg from the media library");
    }
    if (alt == null || alt.isBlank()) {
      throw new InvalidContentException("image_alt is missing: describe what the image shows, for readers who cannot"
          + " see it");
    }
    alt = Texts.optionalLine("image_alt", alt, MAX_ALT);
    caption = Texts.optionalLine("image_caption", caption, MAX_CAPTION);
    credit = Texts.optionalLine("image_credit", credit, MAX_CREDIT);
  }

  /** The image the fields name, or null when {@code url} is blank (the other fields then describe nothing and are dropped). */
  public static FeaturedImage of(String url, String alt, String caption, String credit) {
    return url == null || url.isBlank() ? null : new FeaturedImage(url, alt, caption, credit);
  }
}
