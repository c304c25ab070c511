package org.thinkpress.content;

import java.util.List;
import org.thinkpress.ThinkPressException;

/**
 * A content folder could not be imported; nothing was written. Carries every problem found, each
 * with its file and line, so that one run shows all there is to fix.
 */
public final class ContentImportException extends ThinkPressException {

  /** One thing wrong in one file; {@code line} counts from 1, 0 when the whole file is at fault. */
  public record Problem(String file, int line, String message) {
    @Override
    public String toString() {
      return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
  }

  private final List<Problem> problems;

  public ContentImportException(String folder, List<Problem> problems) {
    super(Kind.BAD_INPUT, describe(folder, problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(String folder, List<Problem> problems) {
    StringBuilder message = new StringBuilder()
        .append(problems.size() == 1 ? "1 problem" : problems.size() + " problems")
        .append(" in ").append(folder).append("; nothing was imported:");
    for (Problem problem : problems) {
      message.append("\n  ").append(problem);
    }
    return message.toString();
  }
}
