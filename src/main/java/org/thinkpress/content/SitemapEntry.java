package org.thinkpress.content;

import java.time.Instant;

/** A published piece as the sitemap lists it. */
public record SitemapEntry(String slug, String language, String translationGroup, Instant lastRevisedAt) {}
