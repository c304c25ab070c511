package org.thinkpress.publishing;

import java.time.Instant;
import org.thinkpress.content.Status;

/** A piece as the editors' list shows it. {@code ownerName} and {@code ownerId} are null for imported pieces. */
public record PublicationRow(long id, String slug, String title, Status status, String type, String language,
                             Instant publishedAt, Instant changedAt, String ownerName, Long ownerId) {}
