package org.thinkpress.publishing;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * The line-by-line difference between two revisions (java-diff-utils, Myers' algorithm): fields
 * first, one per line, then the Markdown body. Unchanged stretches longer than twice
 * {@link #CONTEXT} lines are folded to keep long pieces readable.
 */
public final class RevisionDiff {

  static final int CONTEXT = 3;

  /** How a line of the diff relates the two revisions. */
  public enum Change { SAME, REMOVED, ADDED, FOLDED }

  /**
   * One line of a diff.
   *
   * @param oldNumber its line number in the older revision, 0 when added or folded
   * @param newNumber its line number in the newer revision, 0 when removed or folded
   */
  public record Line(Change change, int oldNumber, int newNumber, String text) {}

  /** A diff between revision {@code from} and revision {@code to}, with counts for a summary. */
  public record Diff(Revision from, Revision to, List<Line> lines, int added, int removed) {
    public boolean identical() {
      return added == 0 && removed == 0;
    }
  }

  private RevisionDiff() {}

  public static Diff between(Revision from, Revision to) {
    List<String> before = Documents.toLines(from.document());
    List<String> after = Documents.toLines(to.document());
    Patch<String> patch = DiffUtils.diff(before, after);
    List<Line> all = new ArrayList<>();
    int oldIndex = 0;
    int newIndex = 0;
    int added = 0;
    int removed = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      while (oldIndex < delta.getSource().getPosition()) {
        all.add(new Line(Change.SAME, oldIndex + 1, newIndex + 1, before.get(oldIndex)));
        oldIndex++;
        newIndex++;
      }
      for (String line : delta.getSource().getLines()) {
        all.add(new Line(Change.REMOVED, ++oldIndex, 0, line));
        removed++;
      }
      for (String line : delta.getTarget().getLines()) {
        all.add(new Line(Change.ADDED, 0, ++newIndex, line));
        added++;
      }
    }
    while (oldIndex < before.size()) {
      all.add(new Line(Change.SAME, oldIndex + 1, newIndex + 1, before.get(oldIndex)));
      oldIndex++;
      newIndex++;
    }
    return new Diff(from, to, fold(all), added, removed);
  }

  /** Keeps {@link #CONTEXT} unchanged lines around each change and folds the rest into one marker line. */
  static List<Line> fold(List<Line> lines) {
    boolean[] keep = new boolean[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).change() != Change.SAME) {
        for (int j = Math.max(0, i - CONTEXT); j <= Math.min(lines.size() - 1, i + CONTEXT); j++) {
          keep[j] = true;
        }
      }
    }
    List<Line> folded = new ArrayList<>();
    int hidden = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (keep[i]) {
        if (hidden > 0) {
          folded.add(new Line(Change.FOLDED, 0, 0, hidden + " unchanged line" + (hidden == 1 ? "" : "s")));
          hidden = 0;
        }
        folded.add(lines.get(i));
      } else {
        hidden++;
      }
    }
    if (hidden > 0) {
      folded.add(new Line(Change.FOLDED, 0, 0, hidden + " unchanged line" + (hidden == 1 ? "" : "s")));
    }
    return folded;
  }
}
