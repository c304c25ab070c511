package org.thinkpress.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * WordPress shortcodes expanded into plain HTML: {@code [caption]} into a figure, {@code [gallery]}
 * into its images, {@code [embed]} into a link, {@code [audio]} and {@code [video]} into links to
 * their files. Any other shortcode is removed, keeping what it enclosed, and a note says so;
 * {@code [[name]]} is WordPress's escape and becomes the literal {@code [name]}.
 *
 * <p>WordPress expands only shortcodes that a plugin registered, so a bracketed word in prose
 * ({@code [sic]}, {@code [1]}) is text there. An export does not say what was registered; a
 * bracket is taken for a shortcode when its name is one WordPress ships, or when it has
 * attributes, closes itself ({@code /]}), has a closing tag, or has a {@code -} or {@code _} in its
 * name as plugins' shortcodes do ({@code contact-form-7}, {@code et_pb_row}).
 */
final class Shortcodes {

  private static final Set<String> BUILT_IN = Set.of("caption", "wp_caption", "gallery", "embed", "audio", "video",
      "playlist");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][\\w-]*");
  private static final Pattern ATTRIBUTE = Pattern.compile(
      "([\\w-]+)\\s*=\\s*\"([^\"]*)\"|([\\w-]+)\\s*=\\s*'([^']*)'|([\\w-]+)\\s*=\\s*([^\\s'\"]+)|\"([^\"]*)\"|'([^']*)'|(\\S+)");
  private static final Pattern CAPTIONED = Pattern.compile(
      "\\s*((?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?)(.*)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final String[] MEDIA_KEYS = {"src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mp3", "m4a", "ogg",
      "wav", "flac"};
  private static final int LONGEST_TAG = 2000;

  private record Tag(String name, Map<String, String> attributes, boolean selfClosing, boolean hasAttributes, int end) {
    String attribute(String key) {
      return attributes.getOrDefault(key, "").strip();
    }
  }

  private final Function<String, Optional<String>> attachmentUrl;
  private final Consumer<String> notes;

  private Shortcodes(Function<String, Optional<String>> attachmentUrl, Consumer<String> notes) {
    this.attachmentUrl = attachmentUrl;
    this.notes = notes;
  }

  static String expand(String text, Function<String, Optional<String>> attachmentUrl, Consumer<String> notes) {
    return new Shortcodes(attachmentUrl, notes).expand(text);
  }

  private String expand(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('[', i);
      if (open < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, open);
      i = consume(text, open, out);
    }
    return out.toString();
  }

  /** Handles what starts at the bracket at {@code open}; returns where to read on. */
  private int consume(String text, int open, StringBuilder out) {
    boolean escaped = text.startsWith("[[", open);
    int at = escaped ? open + 1 : open;
    if (text.startsWith("[/", at)) {
      return strayClosing(text, open, at, out);
    }
    Tag tag = tag(text, at);
    int close = tag == null || tag.selfClosing() ? -1 : text.indexOf("[/" + tag.name() + "]", tag.end());
    if (tag == null || !shortcode(tag, close >= 0)) {
      out.append('[');
      return open + 1;
    }
    int end = close >= 0 ? close + tag.name().length() + 3 : tag.end();
    if (escaped) {
      if (end < text.length() && text.charAt(end) == ']') {
        out.append(text, open + 1, end);
        return end + 1;
      }
      out.append('[');
      return open + 1;
    }
    out.append(render(tag, close >= 0 ? text.substring(tag.end(), close) : "", close >= 0));
    return end;
  }

  private static boolean shortcode(Tag tag, boolean enclosing) {
    return BUILT_IN.contains(tag.name()) || tag.hasAttributes() || tag.selfClosing() || enclosing
        || tag.name().contains("-") || tag.name().contains("_");
  }

  /** A closing tag with no opening one, as page builders leave: removed when its name is a shortcode's. */
  private static int strayClosing(String text, int open, int at, StringBuilder out) {
    Matcher name = NAME.matcher(text).region(at + 2, text.length());
    if (name.lookingAt() && name.end() < text.length() && text.charAt(name.end()) == ']'
        && (BUILT_IN.contains(name.group()) || name.group().matches(".*[_-].*"))) {
      return name.end() + 1;
    }
    out.append('[');
    return open + 1;
  }

  /** The opening tag at {@code at}, or null when the bracket does not open one. */
  private static Tag tag(String text, int at) {
    Matcher name = NAME.matcher(text).region(at + 1, text.length());
    if (!name.lookingAt() || name.end() >= text.length()) {
      return null;
    }
    char after = text.charAt(name.end());
    if (after != ']' && after != '/' && !Character.isWhitespace(after)) {
      return null;
    }
    int close = text.indexOf(']', name.end());
    if (close < 0 || close - at > LONGEST_TAG) {
      return null;
    }
    String attributes = text.substring(name.end(), close);
    // prose in brackets holds markup or more brackets; WordPress refuses both inside a tag too
    if (attributes.contains("[") || attributes.contains("<") || attributes.contains(">")) {
      return null;
    }
    boolean selfClosing = attributes.strip().endsWith("/");
    if (selfClosing) {
      attributes = attributes.strip().replaceFirst("/$", "");
    }
    Map<String, String> parsed = attributes(attributes);
    boolean named = parsed.keySet().stream().anyMatch(key -> !key.chars().allMatch(Character::isDigit));
    return new Tag(name.group(), parsed, selfClosing, named, close + 1);
  }

  private static Map<String, String> attributes(String text) {
    Map<String, String> attributes = new HashMap<>();
    String normalized = text.replaceAll("[\u00A0\u200B]", " ").replaceAll("[\u201C\u201D\u2033]", "\"");
    Matcher m = ATTRIBUTE.matcher(normalized);
    int position = 0;
    while (m.find()) {
      for (int key = 1; key <= 5; key += 2) {
        if (m.group(key) != null) {
          attributes.put(m.group(key).toLowerCase(Locale.ROOT), Parser.unescapeEntities(m.group(key + 1), true));
        }
      }
      String positional = m.group(7) != null ? m.group(7) : m.group(8);
      if (positional != null) {
        attributes.put(String.valueOf(position++), positional);
      }
    }
    return attributes;
  }

  private String render(Tag tag, String content, boolean enclosing) {
    return switch (tag.name()) {
      case "caption", "wp_caption" -> caption(tag, expand(content));
      case "gallery" -> gallery(tag);
      case "embed" -> embed(content.isBlank() ? tag.attribute("src") : content.strip());
      case "audio", "video" -> media(tag);
      default -> {
        notes.accept("unknown shortcode [" + tag.name() + "] removed");
        yield enclosing ? expand(content) : "";
      }
    };
  }

  private String caption(Tag tag, String content) {
    Matcher m = CAPTIONED.matcher(content);
    if (!m.matches()) {
      notes.accept("a [caption] without an image was kept as text");
      return content;
    }
    String caption = m.group(2).strip();
    if (caption.isEmpty()) {
      caption = HtmlFragments.escapeText(tag.attribute("caption"));
    }
    return "<figure>" + m.group(1) + (caption.isEmpty() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>";
  }

  private String gallery(Tag tag) {
    String ids = tag.attribute("ids").isEmpty() ? tag.attribute("include") : tag.attribute("ids");
    if (ids.isEmpty()) {
      notes.accept("a gallery without ids was dropped");
      return "";
    }
    List<String> images = new ArrayList<>();
    for (String id : ids.split(",")) {
      String trimmed = id.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      Optional<String> url = attachmentUrl.apply(trimmed);
      if (url.isPresent()) {
        images.add("<p><img src=\"" + HtmlFragments.escapeAttribute(url.get()) + "\" alt=\"\"></p>");
      } else {
        notes.accept("gallery image " + trimmed + " is not among the attachments");
      }
    }
    return String.join("\n", images);
  }

  private String embed(String raw) {
    String url = Parser.unescapeEntities(raw, true);
    if (url.isEmpty()) {
      notes.accept("an [embed] without an address was removed");
      return "";
    }
    String page = MediaElements.pageOf(url);
    notes.accept("an embed became a link: " + page);
    return "<p>" + MediaElements.link(page).outerHtml() + "</p>";
  }

  private String media(Tag tag) {
    for (String key : MEDIA_KEYS) {
      String url = tag.attribute(key);
      if (!url.isEmpty()) {
        notes.accept("[" + tag.name() + "] became a link to its file: " + url);
        return "<p>" + MediaElements.fileLink(url, "").outerHtml() + "</p>";
      }
    }
    notes.accept("[" + tag.name() + "] without a file was removed");
    return "";
  }
}
