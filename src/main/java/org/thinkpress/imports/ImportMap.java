package org.thinkpress.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.thinkpress.content.Slugs;

/**
 * What the source's terms and authors become, as an editor writes it in a YAML file
 * ({@code --map FILE}); what the file leaves out follows the defaults of each platform.
 *
 * <pre>{@code
 * terms:                                   # TAXONOMY/SLUG of the source: a rule
 *   category/security: topic               # a topic of its own (slug and name from the source)
 *   category/arms-control: topic security  # into the topic "security"
 *   category/armenia: region armenia under south-caucasus
 *   category/reports: type report          # pieces in it get the type "report"
 *   category/uncategorized: drop
 *   tag/sanctions: keyword                 # shown on the piece and searched (the default for WordPress tags)
 * authors:                                 # by login, email or Ghost slug
 *   jdoe: expert ana-beridze
 *   old@example.org: expert ana-beridze    # two authors merged into one expert
 * defaults:
 *   type: analysis                         # for pieces no term gives a type
 *   language: en                           # for pieces the source does not tag
 *   expert: ana-beridze                    # for pieces without an author (Substack names none)
 * }</pre>
 */
final class ImportMap {

  /** What one term becomes. {@code target} is a slug (or a type key); {@code null} means the term's own. */
  record TermRule(Kind kind, String target, String parent) {
    enum Kind { TOPIC, REGION, TYPE, KEYWORD, DROP }

    static final TermRule DROP = new TermRule(Kind.DROP, null, null);
    static final TermRule KEYWORD = new TermRule(Kind.KEYWORD, null, null);
    static final TermRule OWN_TOPIC = new TermRule(Kind.TOPIC, null, null);

    String describe() {
      return switch (kind) {
        case TOPIC -> "topic" + (target == null ? "" : " " + target);
        case REGION -> "region" + (target == null ? "" : " " + target) + (parent == null ? "" : " under " + parent);
        case TYPE -> "type " + target;
        case KEYWORD -> "keyword";
        case DROP -> "drop";
      };
    }
  }

  static final ImportMap NONE = new ImportMap(Map.of(), Map.of(), null, null, null, null);

  private static final ObjectMapper YAML = new YAMLMapper();

  private final Map<String, TermRule> terms;
  private final Map<String, String> authors;
  private final String defaultType;
  private final String defaultLanguage;
  private final String defaultExpert;
  private final String file;

  private ImportMap(Map<String, TermRule> terms, Map<String, String> authors, String defaultType,
      String defaultLanguage, String defaultExpert, String file) {
    this.terms = terms;
    this.authors = authors;
    this.defaultType = defaultType;
    this.defaultLanguage = defaultLanguage;
    this.defaultExpert = defaultExpert;
    this.file = file;
  }

  /** The rule the map gives a term, if it gives one. */
  Optional<TermRule> term(String taxonomy, String slug) {
    return Optional.ofNullable(terms.get(taxonomy + "/" + slug.toLowerCase(Locale.ROOT)));
  }

  /** The expert slug the map gives an author, by any of their keys (login, email, slug). */
  Optional<String> expertFor(SourceAuthor author) {
    for (String key : List.of(author.login(), author.email(), author.slug(), author.id())) {
      if (!key.isEmpty()) {
        String expert = authors.get(key.toLowerCase(Locale.ROOT));
        if (expert != null) {
          return Optional.of(expert);
        }
      }
    }
    return Optional.empty();
  }

  Optional<String> defaultType() {
    return Optional.ofNullable(defaultType);
  }

  Optional<String> defaultLanguage() {
    return Optional.ofNullable(defaultLanguage);
  }

  Optional<String> defaultExpert() {
    return Optional.ofNullable(defaultExpert);
  }

  /** The file it was read from, or {@code null} for the defaults. */
  String file() {
    return file;
  }

  /** Reads a map file; every fault is an {@link ImportException} naming the file, the line and the entry. */
  static ImportMap read(Path path) {
    String name = path.toString();
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      throw new ImportException(name + ": cannot be read: " + e.getMessage(), e);
    }
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (IOException e) {
      int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
          ? p.getLocation().getLineNr() : 0;
      throw ImportException.at(name, line, "not valid YAML: " + firstLine(e.getMessage()));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new ImportMap(Map.of(), Map.of(), null, null, null, name);
    }
    Lines lines = new Lines(name, text);
    if (!root.isObject()) {
      throw ImportException.at(name, 1, "the map must have the sections terms, authors and defaults");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String section = it.next();
      if (!List.of("terms", "authors", "defaults").contains(section)) {
        throw lines.at(section, "unknown section '" + section + "'; the sections are terms, authors and defaults");
      }
    }
    Map<String, TermRule> terms = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : entries(root, "terms", lines).entrySet()) {
      String key = entry.getKey().toLowerCase(Locale.ROOT);
      if (!key.matches("[a-z0-9_-]+/.+")) {
        throw lines.at(entry.getKey(), "term '" + entry.getKey() + "' must be written TAXONOMY/SLUG, such as category/security");
      }
      terms.put(key, termRule(entry.getKey(), entry.getValue(), lines));
    }
    Map<String, String> authors = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : entries(root, "authors", lines).entrySet()) {
      String[] words = entry.getValue().strip().split("\\s+");
      if (words.length != 2 || !words[0].equals("expert")) {
        throw lines.at(entry.getKey(), "author '" + entry.getKey() + "': write 'expert SLUG', not '" + entry.getValue() + "'");
      }
      authors.put(entry.getKey().toLowerCase(Locale.ROOT), slug(words[1], entry.getKey(), lines));
    }
    Map<String, String> defaults = entries(root, "defaults", lines);
    for (String key : defaults.keySet()) {
      if (!List.of("type", "language", "expert").contains(key)) {
        throw lines.at(key, "unknown default '" + key + "'; the defaults are type, language and expert");
      }
    }
    String expert = defaults.get("expert");
    String type = defaults.get("type");
    return new ImportMap(terms, authors, type == null ? null : slug(type, "type", lines), defaults.get("language"),
        expert == null ? null : slug(expert, "expert", lines), name);
  }

  private static TermRule termRule(String key, String value, Lines lines) {
    String[] words = value.strip().split("\\s+");
    String rule = words[0].toLowerCase(Locale.ROOT);
    switch (rule) {
      case "drop", "keyword" -> {
        if (words.length != 1) {
          throw lines.at(key, "term '" + key + "': '" + rule + "' takes nothing after it");
        }
        return rule.equals("drop") ? TermRule.DROP : TermRule.KEYWORD;
      }
      case "topic" -> {
        if (words.length > 2) {
          throw lines.at(key, "term '" + key + "': write 'topic' or 'topic SLUG'");
        }
        return new TermRule(TermRule.Kind.TOPIC, words.length == 2 ? slug(words[1], key, lines) : null, null);
      }
      case "type" -> {
        if (words.length != 2) {
          throw lines.at(key, "term '" + key + "': write 'type KEY', such as 'type report'");
        }
        return new TermRule(TermRule.Kind.TYPE, slug(words[1], key, lines), null);
      }
      case "region" -> {
        // region | region SLUG | region under PARENT | region SLUG under PARENT
        String target = null;
        String parent = null;
        int i = 1;
        if (i < words.length && !words[i].equals("under")) {
          target = slug(words[i++], key, lines);
        }
        if (i < words.length) {
          if (!words[i].equals("under") || i + 2 != words.length) {
            throw lines.at(key, "term '" + key + "': write 'region', 'region SLUG' or 'region SLUG under PARENT'");
          }
          parent = slug(words[i + 1], key, lines);
        }
        return new TermRule(TermRule.Kind.REGION, target, parent);
      }
      default -> throw lines.at(key, "term '" + key + "': unknown rule '" + words[0]
          + "'; the rules are topic, region, type, keyword and drop");
    }
  }

  private static String slug(String value, String key, Lines lines) {
    if (!Slugs.isValid(value)) {
      throw lines.at(key, "'" + value + "' is not a valid slug: use lower-case letters a-z, digits and single hyphens");
    }
    return value;
  }

  private static Map<String, String> entries(JsonNode root, String section, Lines lines) {
    JsonNode node = root.get(section);
    Map<String, String> entries = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return entries;
    }
    if (!node.isObject()) {
      throw lines.at(section, "'" + section + "' must map names to rules, one per line");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
        throw lines.at(entry.getKey(), "'" + entry.getKey() + "' in " + section + " must have a rule on the same line");
      }
      entries.put(entry.getKey(), entry.getValue().asText());
    }
    return entries;
  }

  private static String firstLine(String message) {
    int newline = message == null ? -1 : message.indexOf('\n');
    return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
  }

  /** Finds the line an entry is written on, for messages (YAML trees keep no lines). */
  private record Lines(String file, String text) {
    ImportException at(String key, String message) {
      String[] all = text.split("\n", -1);
      for (int i = 0; i < all.length; i++) {
        String line = all[i].strip();
        if (line.startsWith(key + ":") || line.startsWith("\"" + key + "\":") || line.startsWith("'" + key + "':")) {
          return ImportException.at(file, i + 1, message);
        }
      }
      return ImportException.at(file, 0, message);
    }
  }
}
