package org.thinkpress.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.thinkpress.storage.Backup;

/**
 * A progress bar on standard error for work whose size is known only once it starts (a backup's
 * rows and kilobytes), shown when there is enough of it to watch.
 */
final class ProgressBars implements Backup.Progress, AutoCloseable {

  private final String task;
  private ProgressBar bar;

  ProgressBars(String task) {
    this.task = task;
  }

  @Override
  public void total(long units) {
    close();
    if (units >= ContentCommand.PROGRESS_BAR_FROM * 20L) {
      bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(units).setStyle(ProgressBarStyle.ASCII)
          .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250).build();
    }
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
