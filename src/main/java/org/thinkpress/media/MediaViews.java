package org.thinkpress.media;

import java.util.List;

/**
 * The view models of the media library page ({@code src/main/jte/media/admin/}).
 */
public final class MediaViews {

  private MediaViews() {}

  /** One upload in the list; {@code image} false for a PDF (linked, not shown). */
  public record UploadRow(String url, String markdown, String name, String size, String dimensions, boolean image) {}

  public record UploadsPage(List<UploadRow> uploads, long maxMb, String lastMarkdown) {}
}
