package org.thinkpress.content;

import java.time.Instant;

/** A published piece or site page as the sitemap lists it; {@code type} tells a page ({@link PublicationTypes#PAGE}). */
public record SitemapEntry(String slug, String language, String translationGroup, Instant lastRevisedAt, String type) {}
