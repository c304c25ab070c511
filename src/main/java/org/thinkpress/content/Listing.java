package org.thinkpress.content;

import java.time.Instant;
import java.util.Set;

/**
 * Which published pieces a listing shows. Every part is optional ({@code null} or empty: no
 * restriction); the parts that are set must all hold.
 *
 * @param topicId pieces with this topic
 * @param regionIds pieces with any of these regions (a region and the regions below it)
 * @param expertId pieces by this expert
 * @param type pieces of this type
 * @param from pieces published at or after this instant
 * @param until pieces published before this instant
 * @param language pieces in this language
 * @param untranslatedPreferring when set (with {@code language}), also the pieces that have no
 *     published version in {@code language}, each translation group once in this language (the
 *     site's main one) when the group has it: a language's listing "also in English"
 */
public record Listing(Long topicId, Set<Long> regionIds, Long expertId, String type, Instant from, Instant until,
                      String language, String untranslatedPreferring) {

  public Listing {
    regionIds = regionIds == null ? Set.of() : Set.copyOf(regionIds);
  }

  public Listing(Long topicId, Set<Long> regionIds, Long expertId, String type, Instant from, Instant until,
                 String language) {
    this(topicId, regionIds, expertId, type, from, until, language, null);
  }

  public static Listing all() {
    return new Listing(null, null, null, null, null, null, null);
  }

  public static Listing topic(long topicId) {
    return new Listing(topicId, null, null, null, null, null, null);
  }

  public static Listing regions(Set<Long> regionIds) {
    return new Listing(null, regionIds, null, null, null, null, null);
  }

  public static Listing expert(long expertId) {
    return new Listing(null, null, expertId, null, null, null, null);
  }

  public static Listing type(String type) {
    return new Listing(null, null, null, type, null, null, null);
  }

  public static Listing between(Instant from, Instant until) {
    return new Listing(null, null, null, null, from, until, null);
  }

  public Listing inLanguage(String newLanguage) {
    return new Listing(topicId, regionIds, expertId, type, from, until, newLanguage, null);
  }

  /** In {@code newLanguage}, and the pieces without a version in it (see {@link #untranslatedPreferring}). */
  public Listing inLanguageOrUntranslated(String newLanguage, String preferring) {
    return new Listing(topicId, regionIds, expertId, type, from, until, newLanguage, preferring);
  }

  public Listing withTopic(Long newTopicId) {
    return new Listing(newTopicId, regionIds, expertId, type, from, until, language, untranslatedPreferring);
  }

  public Listing withRegions(Set<Long> newRegionIds) {
    return new Listing(topicId, newRegionIds, expertId, type, from, until, language, untranslatedPreferring);
  }

  public Listing withExpert(Long newExpertId) {
    return new Listing(topicId, regionIds, newExpertId, type, from, until, language, untranslatedPreferring);
  }

  public Listing withType(String newType) {
    return new Listing(topicId, regionIds, expertId, newType, from, until, language, untranslatedPreferring);
  }

  public Listing publishedBetween(Instant newFrom, Instant newUntil) {
    return new Listing(topicId, regionIds, expertId, type, newFrom, newUntil, language, untranslatedPreferring);
  }
}
