package org.thinkpress.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured data (schema.org JSON-LD) for search engines. The JSON goes inside a
 * {@code <script type="application/ld+json">} element, so every character that could end the
 * element or start markup ({@code < > &} and the JavaScript line separators) is written as a
 * {@code \\uXXXX} escape.
 */
final class JsonLd {

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    JSON.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
  }

  private JsonLd() {}

  /** A schema.org node of the given type; keys keep their insertion order. */
  static Map<String, Object> node(String type) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("@type", type);
    return node;
  }

  /** The JSON of a top-level node, with its {@code @context}. */
  static String write(Map<String, Object> node) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("@context", "https://schema.org");
    document.putAll(node);
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON-LD", e);
    }
  }

  private static final class ScriptSafeEscapes extends CharacterEscapes {
    private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

    ScriptSafeEscapes() {
      escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028) {
        return new SerializedString("\\u2028");
      }
      if (ch == 0x2029) {
        return new SerializedString("\\u2029");
      }
      return null;
    }
  }
}
