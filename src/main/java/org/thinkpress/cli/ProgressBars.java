package org.thinkpress.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.thinkpress.imports.ImportProgress;
import org.thinkpress.storage.Backup;

/**
 * A progress bar on standard error for work whose size is known only once it starts (a backup's
 * rows and kilobytes, an import's stages), shown when there is enough of it to watch.
 */
final class ProgressBars implements Backup.Progress, ImportProgress, AutoCloseable {

  private final long showFrom;
  private String task;
  private ProgressBar bar;

  /** A bar for a backup or restore: rows and kilobytes, worth watching from a thousand. */
  ProgressBars(String task) {
    this(task, ContentCommand.PROGRESS_BAR_FROM * 20L);
  }

  /** @param showFrom the least number of units that gets a bar */
  ProgressBars(String task, long showFrom) {
    this.task = task;
    this.showFrom = showFrom;
  }

  @Override
  public void total(long units) {
    close();
    if (units >= showFrom) {
      bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(units).setStyle(ProgressBarStyle.ASCII)
          .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250).build();
    }
  }

  /** A new stage of an import: a bar of its own, under the stage's name. */
  @Override
  public void stage(String name, long total) {
    task = name;
    total(total);
  }

  @Override
  public void advance(long units) {
    if (bar != null) {
      bar.stepBy(units);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
