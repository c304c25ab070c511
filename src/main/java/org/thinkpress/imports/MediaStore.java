package org.thinkpress.imports;

import java.nio.file.Path;
import org.jdbi.v3.core.Handle;

/**
 * Where an import puts the files it brings in: the site's uploads, in the import's transaction.
 * The wiring gives it the media feature's uploads; a file of a type the uploads refuse throws a
 * {@link org.thinkpress.ThinkPressException} whose message says why, and the import lists it as missing.
 */
@FunctionalInterface
public interface MediaStore {

  /**
   * @param file a local copy of the file
   * @param originalName its name on the old site, for the media library
   * @return the URL the site serves it at ({@code /media/NAME})
   */
  String store(Handle handle, Path file, String originalName);
}
