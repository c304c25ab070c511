package org.thinkpress.search;

import java.util.List;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationSummary;

/**
 * Chooses the "Other materials" shown under a publication. Implementations must never return
 * the publication itself or one of its translations, and must return the same choice for the same
 * content.
 */
@FunctionalInterface
public interface OtherMaterials {

  List<PublicationSummary> forPublication(Publication publication, int limit);
}
