package org.thinkpress.app;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thinkpress.accounts.AccountStore;
import org.thinkpress.accounts.Accounts;
import org.thinkpress.accounts.ApiTokens;
import org.thinkpress.accounts.LoginThrottle;
import org.thinkpress.accounts.SessionStore;
import org.thinkpress.admin.Admin;
import org.thinkpress.admin.AdminPages;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.ContentVersion;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.imports.Importer;
import org.thinkpress.imports.OldUrls;
import org.thinkpress.imports.RedirectsAdmin;
import org.thinkpress.kit.Assets;
import org.thinkpress.media.Images;
import org.thinkpress.media.MediaFolder;
import org.thinkpress.media.UploadHandlers;
import org.thinkpress.media.Uploads;
import org.thinkpress.newsletter.Newsletter;
import org.thinkpress.newsletter.NewsletterAdmin;
import org.thinkpress.newsletter.NewsletterService;
import org.thinkpress.publishing.ApiRoutes;
import org.thinkpress.publishing.PreviewLinks;
import org.thinkpress.publishing.PublishingAdmin;
import org.thinkpress.publishing.ScheduledPublisher;
import org.thinkpress.publishing.SlugRedirects;
import org.thinkpress.publishing.TaxonomyEditor;
import org.thinkpress.publishing.Workflow;
import org.thinkpress.research.Citations;
import org.thinkpress.search.Search;
import org.thinkpress.site.PageCache;
import org.thinkpress.site.SitePages;
import org.thinkpress.site.SiteRoutes;
import org.thinkpress.storage.Database;
import org.thinkpress.subscribers.ConfirmationLinks;
import org.thinkpress.subscribers.LinkTokens;
import org.thinkpress.subscribers.SubscriberHandlers;
import org.thinkpress.subscribers.SubscriberRoutes;
import org.thinkpress.subscribers.SubscriberService;
import org.thinkpress.web.HttpServer;
import org.thinkpress.web.ServerSettings;

/**
 * The wiring: builds every service of ThinkPress by hand, in dependency order, from a
 * {@link Config}, and nowhere else. {@link #open} builds what is opened (the database and its
 * stores, the accounts, the workflow, the uploads, the newsletter and sign-up): what the commands
 * need. {@link #serve} adds what runs (the search index, the public pages, the admin, the HTTP
 * server and the background work) and returns it as a {@link Serving}. Closing stops all of it in
 * reverse order.
 */
public final class ThinkPress implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ThinkPress.class);

  private final Config config;
  private final Clock clock;
  private final Database database;
  private final ContentVersion contentVersion;
  private final ContentStore contentStore;
  private final ContentReader contentReader;
  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final AccountStore accountStore;
  private final Accounts accounts;
  private final Workflow workflow;
  private final TaxonomyEditor taxonomyEditor;
  private final Uploads uploads;
  private final Images images;
  private final Newsletter newsletter;
  private final SubscriberService subscribers;
  private final OldUrls oldUrls;
  private final Importer importer;
  private final List<AutoCloseable> running = new ArrayList<>();
  private Serving serving;

  private ThinkPress(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.database = Database.open(config.database());
    try {
      long migrationStart = System.nanoTime();
      database.migrate();
      log.debug("Schema checked in {} ms", (System.nanoTime() - migrationStart) / 1_000_000);
      var jdbi = database.jdbi();
      this.contentVersion = new ContentVersion(jdbi);
      this.contentStore = new ContentStore(jdbi, clock, markdown, config.site().types(), contentVersion);
      this.contentReader = new ContentReader(jdbi, contentVersion);
      this.accountStore = new AccountStore(jdbi, clock);
      this.accounts = new Accounts(accountStore, new SessionStore(jdbi, clock), new LoginThrottle(jdbi, clock),
          new ApiTokens(jdbi, clock));
      this.workflow = new Workflow(jdbi, contentStore, new PreviewLinks(jdbi, clock), clock);
      this.taxonomyEditor = new TaxonomyEditor(contentStore, clock);
      this.uploads = new Uploads(jdbi, config.dataDir().resolve("uploads"), uploadMaxBytes(), clock);
      this.images = new Images(jdbi);
      LinkTokens linkTokens = LinkTokens.loadOrCreate(jdbi, clock);
      this.newsletter = Newsletter.open(new Newsletter.Parts(database, clock, config.site(), contentReader, contentStore,
          config.subscribers(), config.newsletter(), config.mail(), config.dataDir(), linkTokens,
          new ConfirmationLinks(linkTokens)::token));
      this.subscribers = new SubscriberService(jdbi, clock, config.subscribers(), linkTokens, contentReader,
          newsletter.subscriberMail());
      this.oldUrls = new OldUrls(jdbi);
      this.importer = new Importer(contentStore,
          (handle, file, name) -> MediaFolder.importFile(handle, uploads, file, name, clock.millis()).url(),
          config.dataDir().resolve("imports").resolve("media-cache"), config.site().language(), clock);
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

  private long uploadMaxBytes() {
    return config.uploadMaxMegabytes() * 1024L * 1024L;
  }

  /** Starts the HTTP server and the background jobs; returns once the server listens and the index is current. */
  public Serving serve() {
    if (serving != null) {
      throw new IllegalStateException("already serving");
    }
    addMissingVariants();
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
    Citations citations = new Citations(contentReader, config.site());
    SitePages pages = new SitePages(contentReader, config.site(), assets,
        (publication, limit) -> await(searchOpened).otherMaterials().forPublication(publication, limit), images,
        citations);
    PageCache pageCache = new PageCache(config.site().cacheMaxBytes(), contentVersion);
    SiteRoutes siteRoutes = new SiteRoutes(pages, pageCache, assets, new SlugRedirects(database.jdbi()));
    Admin admin = admin(assets);
    ApiRoutes api = new ApiRoutes(accounts, workflow, contentStore, taxonomyEditor, uploads, markdown, config.site());
    SubscriberRoutes subscriberRoutes = new SubscriberRoutes(subscribers, contentReader, config.site(),
        (title, path, indexable) -> pages.layout(title, null, path, "subscribe", null, null, null, !indexable));

    newsletter.startBackground(contentStore);
    running.add(newsletter);
    log.info("Mail goes to the {}", newsletter.transport().describe());
    ScheduledPublisher publisher = new ScheduledPublisher(contentStore, clock, database.jdbi(), database.dialect());
    publisher.start(5);
    running.add(publisher);
    running.add(followOtherNodes());

    Search search = await(searchOpened);
    running.add(search);
    // Requests may carry an image upload; everything else stays far below this.
    ServerSettings settings = new ServerSettings(config.host(), config.port(), config.site().isHttps(),
        Math.max(1024 * 1024, uploadMaxBytes() + 64 * 1024), config.clientAddress());
    // limits and origin checks cut across features: web applies them to the route groups named here
    List<Consumer<RoutesConfig>> routeSets = new ArrayList<>(RequestGuards.of(config, clock, subscriberRoutes));
    routeSets.add(oldUrls::register); // before the site's: the home page would answer /?p=123
    routeSets.addAll(List.of(siteRoutes::register, citations::register, api::register, admin::register,
        search.routes(pages, assets.url("search.js")), subscriberRoutes::register, newsletter::registerRoutes));
    routeSets.add(siteRoutes::registerPages); // last: /{slug} must shadow no other route
    HttpServer server = HttpServer.start(settings, (status, detail) -> pages.error(status, detail).body(), routeSets,
        oldUrls::target);
    running.add(server);
    await(indexReady);
    serving = new Serving(search, pages, pageCache, admin, api, server);
    log.info("Started in {} ms", ManagementFactory.getRuntimeMXBean().getUptime());
    return serving;
  }

  /** The admin shell with every feature's admin pages, in the order of its navigation. */
  private Admin admin(Assets assets) {
    AdminPages adminPages = new AdminPages(assets, config.site().zone());
    return new Admin(accounts, adminPages, contentStore, config.site().isHttps(), List.of(
        new PublishingAdmin(workflow, taxonomyEditor, contentStore, markdown, adminPages, config.site(),
            uploadMaxBytes(), images),
        new UploadHandlers(uploads, adminPages),
        new SubscriberHandlers(subscribers, contentStore, adminPages, clock),
        new NewsletterAdmin(newsletter.service(), contentStore, markdown, adminPages),
        new RedirectsAdmin(oldUrls, adminPages)));
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

  public Config config() {
    return config;
  }

  public Clock clock() {
    return clock;
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

  public MarkdownRenderer markdown() {
    return markdown;
  }

  /**
   * Makes, beside the start, the variants of images uploaded before variants were made; a page
   * shows such an image as it was uploaded until its variants are there.
   */
  private void addMissingVariants() {
    Thread thread = new Thread(() -> {
      try {
        int made = uploads.addMissingVariants();
        if (made > 0) {
          org.slf4j.LoggerFactory.getLogger(ThinkPress.class).info("Made the variants of {} earlier images", made);
        }
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(ThinkPress.class).warn("Could not make the variants of earlier images: {}",
            e.getMessage());
      }
    }, "image-variants");
    thread.setDaemon(true);
    thread.start();
  }

  /** Uploaded images as pages show them, with their variants. */
  public Images images() {
    return images;
  }

  /** The uploaded images ({@code data.dir/uploads}), for commands that carry them (content export and import). */
  public Uploads uploads() {
    return uploads;
  }

  /** The admin accounts (the {@code user} command uses them without serving). */
  public AccountStore accounts() {
    return accountStore;
  }

  /** Signing in, sessions and API tokens. */
  public Accounts signIn() {
    return accounts;
  }

  /** Moving a site in from WordPress, Ghost or Substack. */
  public Importer importer() {
    return importer;
  }

  /** The old site's addresses that answer 301. */
  public OldUrls oldUrls() {
    return oldUrls;
  }

  public Workflow workflow() {
    return workflow;
  }

  public Newsletter newsletter() {
    return newsletter;
  }

  public SubscriberService subscribers() {
    return subscribers;
  }

  public NewsletterService newsletterService() {
    return newsletter.service();
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
