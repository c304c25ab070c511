package org.thinkpress.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Writes a {@link ContentBundle} as a content folder (see {@link ContentFolder}), in the form
 * {@link ContentFolderReader} reads back to an equal bundle: export, then import into an empty
 * database, loses nothing.
 */
public final class ContentFolderWriter {

  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build());

  private ContentFolderWriter() {}

  /**
   * Writes the bundle into {@code folder}, which must not exist or be empty, so that no file of
   * an earlier export is left behind to be imported again by mistake.
   */
  public static void write(ContentBundle bundle, Path folder, IntConsumer progress) {
    try {
      if (Files.exists(folder)) {
        try (Stream<Path> entries = Files.list(folder)) {
          if (entries.findAny().isPresent()) {
            throw new InvalidContentException("export folder " + folder + " is not empty; give a new or empty folder");
          }
        }
      }
      Files.createDirectories(folder.resolve(ContentFolder.EXPERTS));
      Files.createDirectories(folder.resolve(ContentFolder.PUBLICATIONS));
      if (!bundle.settings().isEmpty()) {
        write(folder.resolve(ContentFolder.SETTINGS), yaml(bundle.settings()));
      }
      write(folder.resolve(ContentFolder.TOPICS), yaml(bundle.topics().stream().map(ContentFolderWriter::topic).toList()));
      write(folder.resolve(ContentFolder.REGIONS), yaml(bundle.regions().stream().map(ContentFolderWriter::region).toList()));
      for (ExpertInput expert : bundle.experts()) {
        write(folder.resolve(ContentFolder.EXPERTS).resolve(expert.slug() + ".md"),
            document(expert(expert), expert.bioMarkdown()));
        progress.accept(1);
      }
      for (PublicationInput publication : bundle.publications()) {
        String under = PublicationTypes.isPage(publication.type()) ? ContentFolder.PAGES : ContentFolder.PUBLICATIONS;
        Files.createDirectories(folder.resolve(under));
        write(folder.resolve(under).resolve(publication.slug() + ".md"),
            document(publication(publication), publication.bodyMarkdown()));
        progress.accept(1);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the export to " + folder + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> topic(TopicInput topic) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("slug", topic.slug());
    fields.put("name", topic.name());
    putIfPresent(fields, "names", topic.names());
    putIfPresent(fields, "description", topic.description());
    return fields;
  }

  private static Map<String, Object> region(RegionInput region) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("slug", region.slug());
    fields.put("name", region.name());
    putIfPresent(fields, "parent", region.parentSlug());
    putIfPresent(fields, "names", region.names());
    return fields;
  }

  private static Map<String, Object> expert(ExpertInput expert) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("slug", expert.slug());
    fields.put("name", expert.name());
    putIfPresent(fields, "names", expert.names());
    putIfPresent(fields, "role", expert.role());
    putIfPresent(fields, "affiliation", expert.affiliation());
    putIfPresent(fields, "photo", expert.photoUrl());
    putIfPresent(fields, "links", expert.links());
    putIfPresent(fields, "expertise", expert.expertise());
    putIfPresent(fields, "languages", expert.languages());
    putIfPresent(fields, "media_contact", expert.mediaContact());
    return fields;
  }

  private static Map<String, Object> publication(PublicationInput publication) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("slug", publication.slug());
    fields.put("title", publication.title());
    putIfPresent(fields, "standfirst", publication.standfirst());
    fields.put("type", publication.type());
    fields.put("status", publication.status().key());
    fields.put("language", publication.language());
    putIfPresent(fields, "translation_group", publication.translationGroup());
    putIfPresent(fields, "published", publication.publishedAt() == null ? null : publication.publishedAt().toString());
    putIfPresent(fields, "updated", publication.updatedAt() == null ? null : publication.updatedAt().toString());
    if (publication.featured()) {
      fields.put("featured", true);
    }
    putIfPresent(fields, "experts", publication.experts());
    putIfPresent(fields, "topics", publication.topics());
    putIfPresent(fields, "regions", publication.regions());
    putIfPresent(fields, "keywords", publication.keywords());
    putIfPresent(fields, "seo_title", publication.seoTitle());
    putIfPresent(fields, "seo_description", publication.seoDescription());
    if (publication.image() != null) {
      fields.put("image", publication.image().url());
      fields.put("image_alt", publication.image().alt());
      putIfPresent(fields, "image_caption", publication.image().caption());
      putIfPresent(fields, "image_credit", publication.image().credit());
    }
    return fields;
  }

  private static void putIfPresent(Map<String, Object> fields, String key, Object value) {
    boolean empty = value == null || value instanceof String s && s.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()
        || value instanceof List<?> l && l.isEmpty();
    if (!empty) {
      fields.put(key, value);
    }
  }

  private static String document(Map<String, Object> front, String body) {
    return "---\n" + yaml(front) + "---\n" + body + (body.isEmpty() ? "" : "\n");
  }

  private static String yaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write YAML", e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
