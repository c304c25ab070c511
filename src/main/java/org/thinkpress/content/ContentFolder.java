package org.thinkpress.content;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout of a content folder, the format of {@code content import} and {@code content export}
 * and of the demo content:
 *
 * <pre>
 * site.yaml                 site settings (site.title, site.description...)
 * topics.yaml               a list of topics, in the order the site shows them
 * regions.yaml              a list of regions, each naming its parent
 * experts/SLUG.md           front matter (name, role...) and a Markdown biography
 * publications/**&#47;SLUG.md  front matter (title, type, experts...) and a Markdown body
 * pages/**&#47;SLUG.md         site pages (About, Contact...) at /SLUG: front matter (title, language,
 *                           translation_group, status...; type is page) and a Markdown body
 * </pre>
 *
 * <p>A Markdown file opens with a {@code ---} line, then YAML, then a closing {@code ---} line.
 */
final class ContentFolder {

  static final String SETTINGS = "site.yaml";
  static final String TOPICS = "topics.yaml";
  static final String REGIONS = "regions.yaml";
  static final String EXPERTS = "experts";
  static final String PUBLICATIONS = "publications";
  static final String PAGES = "pages";

  private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_-]*)\\s*:");

  private ContentFolder() {}

  /** A Markdown file split into its front matter and body. */
  record Split(String frontMatter, Map<String, Integer> keyLines, String body) {}

  /**
   * Splits a file's text; returns {@code null} with a problem added to {@code problems} when there
   * is no well-formed front matter. {@code keyLines} maps each top-level key to its line in the file.
   */
  static Split split(String text, String file, java.util.List<ContentImportException.Problem> problems) {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String[] lines = content.replace("\r\n", "\n").split("\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      problems.add(new ContentImportException.Problem(file, 1, "the file must start with a '---' line that opens the front matter"));
      return null;
    }
    Map<String, Integer> keyLines = new LinkedHashMap<>();
    StringBuilder front = new StringBuilder();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.strip().equals("---")) {
        StringBuilder body = new StringBuilder();
        for (int j = i + 1; j < lines.length; j++) {
          body.append(lines[j]).append('\n');
        }
        return new Split(front.toString(), keyLines, body.toString());
      }
      Matcher key = TOP_LEVEL_KEY.matcher(line);
      if (key.find()) {
        keyLines.putIfAbsent(key.group(1), i + 1);
      }
      front.append(line).append('\n');
    }
    problems.add(new ContentImportException.Problem(file, 1, "the front matter is not closed by a '---' line"));
    return null;
  }
}
