package org.thinkpress.app;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thinkpress.accounts.AccountStore;
import org.thinkpress.admin.Admin;
import org.thinkpress.admin.Uploads;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.ContentVersion;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.newsletter.Newsletter;
import org.thinkpress.newsletter.NewsletterService;
import org.thinkpress.publishing.ScheduledPublisher;
import org.thinkpress.publishing.SlugRedirects;
import org.thinkpress.search.Search;
import org.thinkpress.site.Assets;
import org.thinkpress.site.PageCache;
import org.thinkpress.site.SitePages;
import org.thinkpress.site.SiteRoutes;
import org.thinkpress.storage.Database;
import org.thinkpress.subscribers.SubscriberRoutes;
import org.thinkpress.subscribers.SubscriberService;
import org.thinkpress.web.HttpServer;
import org.thinkpress.web.ServerSettings;

/**
 * The wiring: builds every part of ThinkPress by hand, in dependency order, from a {@link Config}.
 * {@link #open} gives the services (what the CLI needs); {@link #serve} adds the HTTP server and
 * the background work (scheduled publishing, following other nodes' changes). Closing stops all of
 * it in reverse order.
 */
public final class ThinkPress implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ThinkPress.class);

  private final Config config;
  private final Clock clock;
  private final Database database;
  private final ContentVersion contentVersion;
  private final ContentStore contentStore;
  private final ContentReader contentReader;
  private final AccountStore accounts;
  private final Newsletter newsletter;
  private final List<AutoCloseable> running = new ArrayList<>();
  private PageCache pageCache;
  private SitePages sitePages;
  private Admin admin;
  private Search search;
  private HttpServer server;

  private ThinkPress(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.database = Database.open(config.database());
    try {
      long migrationStart = System.nanoTime();
      database.migrate();
      log.debug("Schema checked in {} ms", (System.nanoTime() - migrationStart) / 1_000_000);
      this.contentVersion = new ContentVersion(database.jdbi());
      this.contentStore = new ContentStore(database.jdbi(), clock, new MarkdownRenderer(), config.site().types(),
          contentVersion);
      this.contentReader = new ContentReader(database.jdbi(), contentVersion);
      this.accounts = new AccountStore(database.jdbi(), clock);
      this.newsletter = Newsletter.open(new Newsletter.Parts(database, clock, config.site(), contentReader, contentStore,
          config.subscribers(), config.newsletter(), config.mail(), config.dataDir()));
    } catch (RuntimeException e) {
      database.close();
      throw database.explained(e); // a locked, read-only or full SQLite file, in one line
    }
  }

  /** Opens the database (migrating it) and builds the services; starts nothing in the background. */
  public static ThinkPress open(Config config) {
    return open(config, Clock.systemUTC());
  }

  public static ThinkPress open(Config config, Clock clock) {
    return new ThinkPress(requireNonNull(config, "config"), requireNonNull(clock, "clock"));
  }

  /** Starts the HTTP server and the background jobs; returns once the server listens. */
  public ThinkPress serve() {
    if (server != null) {
      throw new IllegalStateException("already serving");
    }
    // Opening the search index (Lucene) and catching it up (rebuilding it when missing) run beside
    // the rest of the start; the server listens as soon as the index is open, and serve() returns
    // once it is current.
    CompletableFuture<Search> searchOpened = CompletableFuture.supplyAsync(this::openSearch, runnable -> {
      Thread thread = new Thread(runnable, "search-start");
      thread.setDaemon(true);
      thread.start();
    });
    CompletableFuture<Search> indexReady = searchOpened.thenApply(Search::follow);
    Assets assets = new Assets();
    SitePages pages = new SitePages(contentReader, config.site(), assets,
        (publication, limit) -> search.otherMaterials().forPublication(publication, limit));
    sitePages = pages;
    pageCache = new PageCache(config.site().cacheMaxBytes(), contentVersion);
    SiteRoutes siteRoutes = new SiteRoutes(pages, pageCache, assets, new SlugRedirects(database.jdbi()));
    long uploadMaxBytes = config.uploadMaxMegabytes() * 1024L * 1024L;
    admin = new Admin(database.jdbi(), clock, contentStore, assets,
        new Admin.Settings(config.site(), config.dataDir().resolve("uploads"), uploadMaxBytes),
        new Admin.Mail(newsletter.subscribers(), newsletter.service()));

    SubscriberRoutes subscriberRoutes = new SubscriberRoutes(newsletter.subscribers(), contentReader, config.site(), clock,
        (title, path, indexable) -> pages.layout(title, null, path, "subscribe", null, null, null, !indexable));
    newsletter.startBackground(contentStore);
    running.add(newsletter);
    log.info("Mail goes to the {}", newsletter.transport().describe());

    ScheduledPublisher publisher = new ScheduledPublisher(contentStore, clock, database.jdbi(), database.dialect());
    publisher.start(5);
    running.add(publisher);
    running.add(followOtherNodes());

    search = await(searchOpened);
    running.add(search);

    // Requests may carry an image upload; everything else stays far below this.
    ServerSettings settings = new ServerSettings(config.host(), config.port(), config.site().isHttps(),
        Math.max(1024 * 1024, uploadMaxBytes + 64 * 1024), config.clientAddress());
    server = HttpServer.start(settings, (status, detail) -> pages.error(status, detail).body(),
        List.of(siteRoutes::register, admin::register, search.routes(pages, assets.url("search.js"), clock),
            subscriberRoutes::register, newsletter::registerRoutes));
    running.add(server);
    await(indexReady);
    log.info("Started in {} ms", ManagementFactory.getRuntimeMXBean().getUptime());
    return this;
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Polls the content version so that this node's caches notice writes made by other nodes. */
  private AutoCloseable followOtherNodes() {
    ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "content-version-poll");
      thread.setDaemon(true);
      return thread;
    });
    int period = config.contentVersionPollSeconds();
    poller.scheduleWithFixedDelay(() -> {
      try {
        contentVersion.refresh();
      } catch (RuntimeException e) {
        log.warn("Cannot read the content version: {}", e.getMessage());
      }
    }, period, period, TimeUnit.SECONDS);
    return poller::shutdownNow;
  }

  /**
   * Opens this node's search index ({@code data.dir}/index) without starting to follow the
   * database; the caller closes it. For commands; {@link #serve} opens its own. A damaged index is
   * set aside ({@code index.damaged-STAMP}) and an empty one opened in its place, for a rebuild.
   */
  public Search openSearch() {
    return Search.open(config.search(), database.jdbi(), contentStore, contentReader, config.site().zone(), clock);
  }

  /** The search service; only once serving. */
  public Search search() {
    return search;
  }

  public Config config() {
    return config;
  }

  public Database database() {
    return database;
  }

  public ContentStore contentStore() {
    return contentStore;
  }

  public ContentReader contentReader() {
    return contentReader;
  }

  /** The uploaded images ({@code data.dir/uploads}), for commands that carry them (content export and import). */
  public Uploads uploads() {
    return new Uploads(database.jdbi(), config.dataDir().resolve("uploads"), config.uploadMaxMegabytes() * 1024L * 1024L,
        clock);
  }

  /** The admin accounts (the {@code user} command uses them without serving). */
  public AccountStore accounts() {
    return accounts;
  }

  /** The admin; only once serving. */
  public Admin admin() {
    return admin;
  }

  public Newsletter newsletter() {
    return newsletter;
  }

  public SubscriberService subscribers() {
    return newsletter.subscribers();
  }

  public NewsletterService newsletterService() {
    return newsletter.service();
  }

  /** The public site's pages, for benchmarks of rendering; only once serving. */
  public SitePages sitePages() {
    return sitePages;
  }

  /** The page cache; only once serving. */
  public PageCache pageCache() {
    return pageCache;
  }

  /** The port the server listens on; only once serving. */
  public int port() {
    return server.port();
  }

  /** Every route the server answers, as registered; only once serving. */
  public List<HttpServer.Route> routes() {
    return server.routes();
  }

  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        log.warn("Stopping {} failed: {}", running.get(i), e.getMessage());
      }
    }
    running.clear();
    newsletter.close();
    database.close();
  }
}
