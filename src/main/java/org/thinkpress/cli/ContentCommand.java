package org.thinkpress.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.thinkpress.app.ThinkPress;
import org.thinkpress.content.ContentBundle;
import org.thinkpress.content.ContentFolderReader;
import org.thinkpress.content.ContentFolderWriter;
import org.thinkpress.content.ContentImportException.Problem;
import org.thinkpress.content.ContentImportException;
import org.thinkpress.content.ContentStore;
import org.thinkpress.media.MediaFolder;
import org.thinkpress.media.Uploads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code thinkpress content import DIR} and {@code thinkpress content export DIR}. */
@Command(name = "content", mixinStandardHelpOptions = true,
    description = "Import or export content as Markdown files with YAML front matter.",
    subcommands = {ContentCommand.Import.class, ContentCommand.Export.class})
final class ContentCommand {

  /** Folders with at least this many files get a progress bar; smaller ones finish too fast to need one. */
  static final int PROGRESS_BAR_FROM = 50;

  @ParentCommand
  ThinkPressCommand root;

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Import a content folder: all of it, or nothing if any file has a problem.",
          "Publications, experts, topics and regions are matched by slug: importing again updates them."})
  static final class Import implements Callable<Integer> {
    @ParentCommand
    ContentCommand content;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the folder to import (site.yaml, topics.yaml, regions.yaml, experts/, publications/)")
    Path folder;

    @Override
    public Integer call() {
      try (ThinkPress thinkPress = ThinkPress.open(content.root.config(Map.of()))) {
        ContentStore store = thinkPress.contentStore();
        int files = ContentFolderReader.countFiles(folder);
        ContentBundle bundle = null;
        List<Problem> problems = new ArrayList<>();
        try (Progress progress = new Progress("Reading", files)) {
          bundle = new ContentFolderReader(store.types(), store.taxonomy()).read(folder, progress);
        } catch (ContentImportException e) {
          problems.addAll(e.problems());
        }
        List<MediaFolder.File> media = Files.isDirectory(folder) ? MediaFolder.read(folder, problems) : List.of();
        if (!problems.isEmpty()) {
          throw new ContentImportException(folder.toString(), problems);
        }
        Uploads uploads = thinkPress.uploads();
        List<Path> added = new ArrayList<>();
        try (Progress progress = new Progress("Importing", bundle.publications().size() * 2L)) {
          store.importBundle(bundle, progress,
              handle -> added.addAll(MediaFolder.importInto(handle, uploads, media, System.currentTimeMillis())));
        } catch (RuntimeException e) {
          MediaFolder.forget(added);
          throw e;
        }
        spec.commandLine().getOut().printf("Imported %d publications, %d pages, %d experts, %d topics, %d regions and %d media"
            + " files from %s%n", bundle.publications().size() - pages(bundle), pages(bundle), bundle.experts().size(),
            bundle.topics().size(),
            bundle.regions().size(), media.size(), folder);
      }
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Export all content, in every status, with the uploaded media, into a new or empty folder.",
          "Accounts, revisions, redirects, subscribers and mail history are not content: thinkpress backup carries them."})
  static final class Export implements Callable<Integer> {
    @ParentCommand
    ContentCommand content;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "a new or empty folder")
    Path folder;

    @Override
    public Integer call() {
      try (ThinkPress thinkPress = ThinkPress.open(content.root.config(Map.of()))) {
        ContentBundle bundle = thinkPress.contentStore().exportBundle();
        try (Progress progress = new Progress("Exporting", bundle.experts().size() + bundle.publications().size())) {
          ContentFolderWriter.write(bundle, folder, progress);
        }
        int media = MediaFolder.write(thinkPress.uploads(), folder);
        spec.commandLine().getOut().printf("Exported %d publications, %d pages, %d experts, %d topics, %d regions and %d media"
            + " files to %s%n", bundle.publications().size() - pages(bundle), pages(bundle), bundle.experts().size(),
            bundle.topics().size(),
            bundle.regions().size(), media, folder);
      }
      return 0;
    }
  }

  /** A progress bar on standard error for long work, nothing for short work. */
  static final class Progress implements IntConsumer, AutoCloseable {
    private final ProgressBar bar;

    Progress(String task, long total) {
      this.bar = total < PROGRESS_BAR_FROM ? null : new ProgressBarBuilder()
          .setTaskName(task)
          .setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII)
          .setConsumer(new ConsoleProgressBarConsumer(System.err))
          .setUpdateIntervalMillis(250)
          .build();
    }

    @Override
    public void accept(int steps) {
      if (bar != null) {
        bar.stepBy(steps);
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }

  /** How many of the bundle's pieces are site pages (About, Contact...). */
  static int pages(ContentBundle bundle) {
    return (int) bundle.publications().stream()
        .filter(p -> org.thinkpress.content.PublicationTypes.isPage(p.type())).count();
  }
}
