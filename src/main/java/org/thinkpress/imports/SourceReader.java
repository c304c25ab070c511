package org.thinkpress.imports;

import java.nio.file.Path;

/**
 * Reads one platform's export. Implementations must read the file from start to end telling the
 * visitor what they find, keep nothing of a whole file in memory that they can stream (a WordPress
 * export may be a gigabyte), and may be asked to read the same file more than once. A malformed
 * file throws {@link ImportException} naming the file and, where there is one, the line.
 */
interface SourceReader {

  void read(Path file, SourceVisitor visitor);
}
