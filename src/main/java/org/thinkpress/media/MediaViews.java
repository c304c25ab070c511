package org.thinkpress.media;

import java.util.List;

/**
 * The view models of the media library page ({@code src/main/jte/media/admin/}).
 */
public final class MediaViews {

  private MediaViews() {}

  /**
   * One upload in the list; {@code image} false for a document or a recording (linked, not shown),
   * which the list names by {@code label}, its kind (PDF, DOCX, MP3).
   */
  public record UploadRow(String url, String markdown, String name, String size, String dimensions, boolean image,
                          String label) {}

  /** The library; {@code accept} is the file input's list of the types and extensions the site accepts. */
  public record UploadsPage(List<UploadRow> uploads, long maxMb, String lastMarkdown, String accept) {}
}
