package org.thinkpress.app;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.thinkpress.accounts.Account;
import org.thinkpress.accounts.Role;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.Status;
import org.thinkpress.media.Uploads;
import org.thinkpress.publishing.Action;
import org.thinkpress.publishing.Actor;
import org.thinkpress.publishing.PreviewLinks;
import org.thinkpress.publishing.Workflow;
import org.thinkpress.subscribers.SubscribeRequest;
import org.thinkpress.subscribers.Subscriber;
import org.thinkpress.subscribers.SubscriberService;

/**
 * A ThinkPress installation (not serving) on a database and data folder of the test's choosing,
 * and a way to fill it with a little of everything an institute keeps: the demo content, accounts,
 * a piece edited and renamed through the workflow (revisions, a redirect, a preview link), an
 * upload, subscribers in every state, a suppressed address, an erased one, and a campaign whose
 * mail is still waiting.
 */
public final class Installation implements AutoCloseable {

  private final Path dataDir;
  private final Config config;
  private final ThinkPress app;

  private Installation(Path dataDir, Config config) {
    this.dataDir = dataDir;
    this.config = config;
    this.app = ThinkPress.open(config);
  }

  /** An installation on {@code databaseUrl} (SQLite under {@code dataDir} when null). */
  public static Installation open(Path dataDir, String databaseUrl) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("data.dir", dataDir.toString());
    settings.put("site.url", TestSite.BASE_URL);
    settings.put("server.port", "0");
    if (databaseUrl != null) {
      settings.put("database.url", databaseUrl);
    }
    return new Installation(dataDir, ConfigLoader.load(null, Map.of(), settings));
  }

  public ThinkPress app() {
    return app;
  }

  public Config config() {
    return config;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** What {@link #fill} made, for a test to look for after a restore. */
  public record Filled(String uploadName, byte[] uploadBytes, long campaignSend, String renamedFrom, String renamedTo,
                       List<String> addresses) {}

  public Filled fill() {
    DemoContent.loadOnce(app.contentStore());
    Clock clock = Clock.systemUTC();
    Account editor = app.accounts().create("editor@think.example", "Ed Itor", Role.EDITOR, "a long enough password");
    app.accounts().create("author@think.example", "Au Thor", Role.AUTHOR, "another long password");
    Actor actor = new Actor(editor.id(), editor.name(), true);
    Workflow workflow = new Workflow(app.database().jdbi(), app.contentStore(), new PreviewLinks(app.database().jdbi(), clock),
        clock);
    PublicationInput draft = new PublicationInput("a-draft-to-rename", "en", null, "A draft to rename",
        "A standfirst with <b>markup</b> & \"quotes\".", "## First\n\nText with a [link](https://example.org).\n",
        "analysis", Status.DRAFT, null, null, false, List.of("lilit-arakelyan"), List.of("energy"), List.of("armenia"));
    long id = workflow.create(actor, draft, Action.SAVE, null).publication().id();
    PublicationInput renamed = new PublicationInput("a-renamed-piece", "en", null, "A renamed piece",
        draft.standfirst(), draft.bodyMarkdown() + "\nA second paragraph, in Armenian: Բարեւ.\n", "analysis",
        Status.DRAFT, null, null, false, draft.experts(), draft.topics(), draft.regions());
    workflow.save(actor, id, 1, renamed, Action.PUBLISH, null);
    workflow.createPreviewLink(actor, id);

    byte[] png = png();
    Uploads uploads = new Uploads(app.database().jdbi(), dataDir.resolve("uploads"), 1024 * 1024, clock);
    String uploadName = uploads.store(new ByteArrayInputStream(png), "chart.png", editor.id()).fileName();

    SubscriberService subscribers = app.subscribers();
    List<String> addresses = List.of("confirmed@reader.example", "pending@reader.example", "left@reader.example",
        "bounced@reader.example", "forgotten@reader.example");
    for (String address : addresses) {
      subscribers.subscribe(new SubscribeRequest(address, "Reader " + address.charAt(0), "en", List.of(), List.of(),
          List.of(), true, "signed up on " + TestSite.BASE_URL + "/ at " + Instant.now(clock)));
    }
    confirm("confirmed@reader.example");
    confirm("left@reader.example");
    confirm("bounced@reader.example");
    Subscriber left = subscribers.find("left@reader.example").orElseThrow();
    subscribers.unsubscribe(subscribers.tokens().preferences(left.id()));
    subscribers.suppress("bounced@reader.example", "hard bounce: 550 no such user");
    subscribers.erase("forgotten@reader.example");
    // a small WordPress site moved in: its ledger and old addresses are the installation's too
    app.importer().run(org.thinkpress.imports.ImportRequest.of(org.thinkpress.imports.Platform.WORDPRESS,
        java.nio.file.Path.of("src/test/resources/org/thinkpress/imports/wordpress/wxr-1.1-https.xml")),
        org.thinkpress.imports.ImportProgress.NONE);
    long campaign = app.newsletterService().sendCampaign("News of the institute", "Read [the analysis](/publications/a-renamed-piece).",
        List.of(subscribers.lists().first().key()), List.of(), List.of()).send().id();
    return new Filled(uploadName, png, campaign, "a-draft-to-rename", "a-renamed-piece", addresses);
  }

  private void confirm(String address) {
    SubscriberService subscribers = app.subscribers();
    long id = subscribers.find(address).orElseThrow().id();
    String token = app.database().jdbi().withHandle(h -> subscribers.confirmationToken(h, id)).orElseThrow();
    subscribers.confirm(token);
  }

  private static byte[] png() {
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 40; x++) {
      for (int y = 0; y < 20; y++) {
        image.setRGB(x, y, (x * 6) << 16 | (y * 12) << 8 | 0x80);
      }
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    app.close();
  }
}
