package org.thinkpress.subscribers;

import java.util.List;

/**
 * What an import did, or would do in a dry run. When {@link #errors} is not empty nothing was
 * written: an import is all or nothing.
 *
 * @param added new confirmed subscribers
 * @param updated existing subscribers whose lists and interests were extended
 * @param skipped rows left alone: the address unsubscribed, is suppressed, or was erased on
 *     request (an import never re-subscribes someone who left or asked to be forgotten)
 * @param errors one line per faulty row: {@code FILE:LINE: what is wrong}
 */
public record ImportReport(boolean dryRun, int added, int updated, int skipped, List<String> errors) {

  public ImportReport {
    errors = List.copyOf(errors);
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
