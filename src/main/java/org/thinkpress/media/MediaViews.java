package org.thinkpress.media;

import java.util.List;

/**
 * The view models of the media library page ({@code src/main/jte/media/admin/}).
 */
public final class MediaViews {

  private MediaViews() {}

  public record UploadRow(String url, String markdown, String name, String size, String dimensions) {}

  public record UploadsPage(List<UploadRow> uploads, long maxMb, String lastMarkdown) {}
}
