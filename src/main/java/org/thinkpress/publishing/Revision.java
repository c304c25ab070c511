package org.thinkpress.publishing;

import java.time.Instant;
import org.thinkpress.content.PublicationInput;

/**
 * One kept state of a publication.
 *
 * @param id the revision's own number, unique across all pieces
 * @param publicationId the piece it belongs to
 * @param editVersion the piece's edit version this revision produced (for a conflict: the version it was refused at)
 * @param kind {@code save}, {@code restore} or {@code conflict} (a refused save, kept so that nothing is lost)
 * @param authorName who saved it
 * @param note what happened, in a few words
 * @param createdAt when
 * @param document the editable fields as saved
 */
public record Revision(long id, long publicationId, long editVersion, String kind, String authorName, String note,
                       Instant createdAt, PublicationInput document) {}
