package org.thinkpress.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.thinkpress.app.ConfigLoader;
import org.thinkpress.app.ThinkPress;
import org.thinkpress.content.SitemapEntry;
import org.thinkpress.kit.RenderedPage;
import org.thinkpress.site.SitePages;

/**
 * An uncached render of a publication page, as the running server does it: database reads,
 * "Other materials" from the search index, the view model and the template, for a different piece
 * each time (the page cache is not involved). {@code renderHtml} is the render alone;
 * {@code renderServable} adds what a cache miss adds before sending: gzip and the ETag hash.
 *
 * <p>Run by bench/site.sh against its generated database: {@code -p dataDir=...}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class PageRenderBenchmark {

  @Param("/tmp/thinkpress-bench/data")
  public String dataDir;

  private ThinkPress thinkPress;
  private SitePages pages;
  private List<String> slugs;
  private int next;

  @Setup(Level.Trial)
  public void open() {
    thinkPress = ThinkPress.open(ConfigLoader.load(null, Map.of(), Map.of("data.dir", dataDir, "server.port", "0",
        "newsletter.sender", "false")));
    pages = thinkPress.serve().sitePages();
    slugs = thinkPress.contentReader().sitemapEntries().stream().map(SitemapEntry::slug).toList();
    if (slugs.size() < 1000) {
      throw new IllegalStateException("expected a generated database in " + dataDir + ", found " + slugs.size() + " pieces");
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    thinkPress.close();
  }

  private String nextSlug() {
    next = (next + 7919) % slugs.size(); // a prime stride: every piece in turn, not in storage order
    return slugs.get(next);
  }

  @Benchmark
  public byte[] renderHtml() {
    return pages.renderPublicationBody(nextSlug());
  }

  @Benchmark
  public RenderedPage renderServable() {
    return pages.publication(nextSlug());
  }
}
