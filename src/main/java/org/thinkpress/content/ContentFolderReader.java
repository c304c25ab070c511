package org.thinkpress.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.thinkpress.content.ContentImportException.Problem;

/**
 * Reads a content folder (see {@link ContentFolder}) into a {@link ContentBundle}, checking
 * everything it can before anything is written: YAML syntax, field types, the model's rules,
 * duplicate slugs, and that every expert, topic, region and type a publication names exists in the
 * folder or in the database. All problems are collected and thrown together, each with its file
 * and line.
 */
public final class ContentFolderReader {

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Set<String> PUBLICATION_FIELDS = Set.of("slug", "title", "standfirst", "type", "status",
      "language", "translation_group", "published", "updated", "featured", "experts", "topics", "regions", "keywords", "seo_title", "seo_description",
      "image", "image_alt", "image_caption", "image_credit");
  private static final Set<String> EXPERT_FIELDS = Set.of("slug", "name", "names", "role", "affiliation", "photo", "links",
      "expertise", "languages", "media_contact");

  private final PublicationTypes types;
  private final Taxonomy existing;

  /**
   * @param types the configured publication types
   * @param existing what the database already holds, which publications may also refer to
   */
  public ContentFolderReader(PublicationTypes types, Taxonomy existing) {
    this.types = types;
    this.existing = existing;
  }

  /** How many files a read of {@code folder} will report through its progress callback. */
  public static int countFiles(Path folder) {
    return markdownFiles(folder.resolve(ContentFolder.EXPERTS)).size()
        + markdownFiles(folder.resolve(ContentFolder.PUBLICATIONS)).size()
        + markdownFiles(folder.resolve(ContentFolder.PAGES)).size();
  }

  /** Reads the folder; {@code progress} hears of each Markdown file read. */
  public ContentBundle read(Path folder, IntConsumer progress) {
    if (!Files.isDirectory(folder)) {
      throw new ContentImportException(folder.toString(), List.of(new Problem(folder.toString(), 0, "is not a folder")));
    }
    Reading reading = new Reading(folder);
    Map<String, String> settings = reading.settings();
    List<TopicInput> topics = reading.topics();
    List<RegionInput> regions = reading.regions();
    List<ExpertInput> experts = new ArrayList<>();
    for (Path file : markdownFiles(folder.resolve(ContentFolder.EXPERTS))) {
      ExpertInput expert = reading.expert(file);
      if (expert != null) {
        experts.add(expert);
      }
      progress.accept(1);
    }
    List<Located<PublicationInput>> publications = new ArrayList<>();
    for (Path file : markdownFiles(folder.resolve(ContentFolder.PUBLICATIONS))) {
      Located<PublicationInput> publication = reading.publication(file, null);
      if (publication != null) {
        publications.add(publication);
      }
      progress.accept(1);
    }
    for (Path file : markdownFiles(folder.resolve(ContentFolder.PAGES))) {
      Located<PublicationInput> page = reading.publication(file, PublicationTypes.PAGE);
      if (page != null) {
        publications.add(page);
      }
      progress.accept(1);
    }
    reading.checkReferences(topics, regions, experts, publications);
    if (!reading.problems.isEmpty()) {
      throw new ContentImportException(folder.toString(), reading.problems);
    }
    experts.sort(Comparator.comparing(ExpertInput::slug));
    List<PublicationInput> sorted = publications.stream().map(Located::value)
        .sorted(Comparator.comparing(PublicationInput::slug)).toList();
    return new ContentBundle(settings, topics, regions, experts, sorted);
  }

  private static List<Path> markdownFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  /** A value with the file and the lines of its fields, for messages about references. */
  private record Located<T>(T value, String file, Map<String, Integer> keyLines) {
    int line(String key) {
      return keyLines.getOrDefault(key, 1);
    }
  }

  /** A Markdown file's name in the folder, its front matter's fields, and the split it came from (for the body and key lines). */
  private record FrontMatter(String file, Fields fields, ContentFolder.Split split) {}

  /** One read of one folder, gathering problems as it goes. */
  private final class Reading {
    final Path folder;
    final List<Problem> problems = new ArrayList<>();

    Reading(Path folder) {
      this.folder = folder;
    }

    String name(Path file) {
      return folder.relativize(file).toString().replace('\\', '/');
    }

    String text(Path file) {
      try {
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
      } catch (CharacterCodingException e) {
        problems.add(new Problem(name(file), 0, "is not UTF-8 text"));
        return null;
      } catch (IOException e) {
        problems.add(new Problem(name(file), 0, "cannot be read: " + e.getMessage()));
        return null;
      }
    }

    /** YAML text to a value; on a syntax error adds a problem at the error's line and returns null. */
    Object yaml(String text, String file, int firstLine) {
      try {
        return YAML.readValue(text, Object.class);
      } catch (JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr() + firstLine - 1;
        problems.add(new Problem(file, Math.max(line, 1), "YAML syntax: " + oneLine(e.getOriginalMessage())));
        return null;
      }
    }

    Map<String, String> settings() {
      Path file = folder.resolve(ContentFolder.SETTINGS);
      if (!Files.exists(file)) {
        return Map.of();
      }
      String text = text(file);
      Object value = text == null ? null : yaml(text, ContentFolder.SETTINGS, 1);
      if (value == null) {
        return Map.of();
      }
      if (!(value instanceof Map<?, ?> map)) {
        problems.add(new Problem(ContentFolder.SETTINGS, 1, "must be a mapping of setting names to values"));
        return Map.of();
      }
      Map<String, String> settings = new LinkedHashMap<>();
      map.forEach((key, setting) -> settings.put(String.valueOf(key), setting == null ? "" : String.valueOf(setting)));
      return settings;
    }

    /** SnakeYAML's messages quote the source over several lines; the file and line say where already. */
    private String oneLine(String message) {
      return String.join("; ", message.lines()
          .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.contains(" in 'reader'"))
          .toList());
    }

    List<Map<?, ?>> list(String fileName) {
      Path file = folder.resolve(fileName);
      if (!Files.exists(file)) {
        return List.of();
      }
      String text = text(file);
      Object value = text == null ? null : yaml(text, fileName, 1);
      if (value == null) {
        return List.of();
      }
      if (!(value instanceof List<?> items) || !items.stream().allMatch(item -> item instanceof Map)) {
        problems.add(new Problem(fileName, 1, "must be a YAML list of entries, each with a slug and a name"));
        return List.of();
      }
      List<Map<?, ?>> entries = new ArrayList<>();
      items.forEach(item -> entries.add((Map<?, ?>) item));
      return entries;
    }

    /** The line where an entry of a list file declares its slug, for messages. */
    int lineOfSlug(String fileName, Object slug) {
      String text = text(folder.resolve(fileName));
      if (text == null || slug == null) {
        return 1;
      }
      Pattern declaration = Pattern.compile("^\\s*-?\\s*slug\\s*:\\s*[\"']?" + Pattern.quote(slug.toString()) + "[\"']?\\s*$");
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (declaration.matcher(lines[i]).matches()) {
          return i + 1;
        }
      }
      return 1;
    }

    List<TopicInput> topics() {
      List<TopicInput> topics = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Map<?, ?> entry : list(ContentFolder.TOPICS)) {
        int line = lineOfSlug(ContentFolder.TOPICS, entry.get("slug"));
        Fields fields = new Fields(entry, ContentFolder.TOPICS, Map.of(), line, problems);
        fields.onlyKnown(Set.of("slug", "name", "names", "description"));
        try {
          TopicInput topic = new TopicInput(fields.text("slug"), fields.text("name"), fields.names("names"),
              fields.text("description"));
          if (!seen.add(topic.slug())) {
            problems.add(new Problem(ContentFolder.TOPICS, line, "topic '" + topic.slug() + "' is listed twice"));
          }
          topics.add(topic);
        } catch (InvalidContentException e) {
          problems.add(new Problem(ContentFolder.TOPICS, line, e.getMessage()));
        }
      }
      return topics;
    }

    List<RegionInput> regions() {
      List<RegionInput> regions = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Map<?, ?> entry : list(ContentFolder.REGIONS)) {
        int line = lineOfSlug(ContentFolder.REGIONS, entry.get("slug"));
        Fields fields = new Fields(entry, ContentFolder.REGIONS, Map.of(), line, problems);
        fields.onlyKnown(Set.of("slug", "name", "names", "parent"));
        try {
          String parent = fields.text("parent");
          RegionInput region = new RegionInput(fields.text("slug"), fields.text("name"), fields.names("names"),
              parent == null || parent.isBlank() ? null : parent);
          if (!seen.add(region.slug())) {
            problems.add(new Problem(ContentFolder.REGIONS, line, "region '" + region.slug() + "' is listed twice"));
          }
          regions.add(region);
        } catch (InvalidContentException e) {
          problems.add(new Problem(ContentFolder.REGIONS, line, e.getMessage()));
        }
      }
      return regions;
    }

    /**
     * A Markdown file's front matter as fields (unknown ones reported), with its body; null when
     * the file cannot be read or its front matter is not a mapping, the problem recorded.
     */
    FrontMatter frontMatter(Path path, Set<String> knownFields) {
      String file = name(path);
      String text = text(path);
      ContentFolder.Split split = text == null ? null : ContentFolder.split(text, file, problems);
      Object front = split == null ? null : yaml(split.frontMatter(), file, 2);
      if (!(front instanceof Map<?, ?> map)) {
        if (front != null) {
          problems.add(new Problem(file, 2, "the front matter must be a mapping of fields"));
        }
        return null;
      }
      Fields fields = new Fields(map, file, split.keyLines(), 1, problems);
      fields.onlyKnown(knownFields);
      return new FrontMatter(file, fields, split);
    }

    ExpertInput expert(Path path) {
      FrontMatter front = frontMatter(path, EXPERT_FIELDS);
      if (front == null) {
        return null;
      }
      Fields fields = front.fields();
      try {
        return new ExpertInput(fields.textOr("slug", slugOfFile(path)), fields.text("name"), fields.names("names"),
            fields.text("role"), fields.text("affiliation"), front.split().body(), fields.text("photo"),
            fields.names("links"), fields.list("expertise"), fields.list("languages"), fields.text("media_contact"));
      } catch (InvalidContentException e) {
        problems.add(new Problem(front.file(), fields.lineFor(e.getMessage()), e.getMessage()));
        return null;
      }
    }

    /** @param impliedType the type of every file of its folder ({@code page} under {@code pages/}), or {@code null} */
    Located<PublicationInput> publication(Path path, String impliedType) {
      FrontMatter front = frontMatter(path, PUBLICATION_FIELDS);
      if (front == null) {
        return null;
      }
      Fields fields = front.fields();
      int before = problems.size();
      String type = impliedType == null ? fields.text("type") : fields.textOr("type", impliedType);
      if (impliedType != null && !impliedType.equals(type)) {
        problems.add(new Problem(front.file(), fields.line("type"), "a file under " + ContentFolder.PAGES
            + "/ is a site page, of type '" + impliedType + "', not '" + type + "': move it to "
            + ContentFolder.PUBLICATIONS + "/"));
        return null;
      }
      String statusKey = fields.textOr("status", "draft");
      Instant published = fields.instant("published");
      Instant updated = fields.instant("updated");
      boolean featured = fields.bool("featured");
      List<String> experts = fields.list("experts");
      List<String> topics = fields.list("topics");
      List<String> regions = fields.list("regions");
      List<String> keywords = fields.list("keywords");
      if (problems.size() > before) {
        return null;
      }
      try {
        PublicationInput publication = new PublicationInput(fields.textOr("slug", slugOfFile(path)), fields.text("language"),
            fields.text("translation_group"), fields.text("title"), fields.text("standfirst"), front.split().body(),
            type, Status.ofKey(statusKey), published, updated, featured, experts, topics, regions,
            keywords, fields.text("seo_title"), fields.text("seo_description"),
            FeaturedImage.of(fields.text("image"), fields.text("image_alt"), fields.text("image_caption"),
                fields.text("image_credit")));
        return new Located<>(publication, front.file(), front.split().keyLines());
      } catch (InvalidContentException e) {
        problems.add(new Problem(front.file(), fields.lineFor(e.getMessage()), e.getMessage()));
        return null;
      }
    }

    private String slugOfFile(Path file) {
      String name = file.getFileName().toString();
      return name.substring(0, name.length() - ".md".length());
    }

    void checkReferences(List<TopicInput> topics, List<RegionInput> regions, List<ExpertInput> experts,
                         List<Located<PublicationInput>> publications) {
      Set<String> topicSlugs = new HashSet<>();
      topics.forEach(t -> topicSlugs.add(t.slug()));
      existing.topics().forEach(t -> topicSlugs.add(t.slug()));
      Set<String> regionSlugs = new HashSet<>();
      regions.forEach(r -> regionSlugs.add(r.slug()));
      existing.regions().forEach(r -> regionSlugs.add(r.slug()));
      Set<String> expertSlugs = new HashSet<>();
      existing.experts().forEach(e -> expertSlugs.add(e.slug()));
      Map<String, String> expertFiles = new HashMap<>();
      for (ExpertInput expert : experts) {
        expertSlugs.add(expert.slug());
        if (expertFiles.put(expert.slug(), expert.slug()) != null) {
          problems.add(new Problem(ContentFolder.EXPERTS, 0, "expert '" + expert.slug() + "' is defined twice"));
        }
      }
      checkRegionParents(regions, regionSlugs);
      Map<String, String> slugFiles = new HashMap<>();
      Map<String, String> groupVersions = new HashMap<>();
      for (Located<PublicationInput> located : publications) {
        PublicationInput publication = located.value();
        String other = slugFiles.putIfAbsent(publication.slug(), located.file());
        if (other != null) {
          problems.add(new Problem(located.file(), located.line("slug"), "slug '" + publication.slug()
              + "' is also used by " + other));
        }
        if (!types.allows(publication.type())) {
          problems.add(new Problem(located.file(), located.line("type"), "unknown type '" + publication.type()
              + "'; the configured types are " + String.join(", ", types.keys())));
        }
        unknown(located, "experts", "expert", publication.experts(), expertSlugs);
        unknown(located, "topics", "topic", publication.topics(), topicSlugs);
        unknown(located, "regions", "region", publication.regions(), regionSlugs);
        if (publication.translationGroup() != null) {
          String key = publication.translationGroup() + " " + publication.language();
          String first = groupVersions.putIfAbsent(key, located.file());
          if (first != null) {
            problems.add(new Problem(located.file(), located.line("translation_group"), "translation_group '"
                + publication.translationGroup() + "' already has a '" + publication.language() + "' version in " + first));
          }
        }
      }
    }

    private void unknown(Located<PublicationInput> located, String field, String what, List<String> slugs, Set<String> known) {
      for (String slug : slugs) {
        if (!known.contains(slug)) {
          problems.add(new Problem(located.file(), located.line(field), "unknown " + what + " '" + slug + "'"));
        }
      }
    }

    private void checkRegionParents(List<RegionInput> regions, Set<String> known) {
      Map<String, String> parents = new HashMap<>();
      existing.regions().forEach(r -> parents.put(r.slug(),
          r.isTopLevel() ? null : existing.region(r.parentId()).map(Region::slug).orElse(null)));
      regions.forEach(r -> parents.put(r.slug(), r.parentSlug()));
      for (RegionInput region : regions) {
        int line = lineOfSlug(ContentFolder.REGIONS, region.slug());
        if (region.parentSlug() != null && !known.contains(region.parentSlug())) {
          problems.add(new Problem(ContentFolder.REGIONS, line, "region '" + region.slug() + "' has an unknown parent '"
              + region.parentSlug() + "'"));
          continue;
        }
        Set<String> seen = new HashSet<>();
        for (String up = region.parentSlug(); up != null; up = parents.get(up)) {
          if (up.equals(region.slug()) || !seen.add(up)) {
            problems.add(new Problem(ContentFolder.REGIONS, line, "region '" + region.slug()
                + "' is below itself: its parents form a loop"));
            break;
          }
        }
      }
    }
  }
}
