package org.thinkpress.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.ContentVersion;
import org.thinkpress.content.Fixtures;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.PublicationTypes;
import org.thinkpress.content.Status;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.storage.TestDatabase;
import org.thinkpress.testing.TestClock;

/**
 * Site pages through the editorial workflow, on each database: published now or on schedule, a
 * page records no "became published" event, so no alert ever announces it; the editors' list
 * keeps pages apart; a renamed page's old slug leads to the page.
 */
final class PageWorkflowTest {

  static final Instant START = Instant.parse("2026-04-01T08:00:00Z");

  TestDatabase db;
  TestClock clock = new TestClock(START);
  Workflow workflow;
  ContentStore store;
  Actor editor;

  @BeforeEach
  void open(TestDatabase db) {
    this.db = db;
    Jdbi jdbi = db.database().jdbi();
    store = new ContentStore(jdbi, clock, new MarkdownRenderer(), PublicationTypes.DEFAULT, new ContentVersion(jdbi));
    store.importBundle(Fixtures.taxonomy(), n -> {});
    workflow = new Workflow(jdbi, store, new PreviewLinks(jdbi, clock), clock);
    long id = jdbi.withHandle(h -> h.createQuery("INSERT INTO accounts (email, name, role, password_hash, created_at,"
        + " changed_at) VALUES ('ed@think.example', 'Ed', 'editor', 'x', 0, 0) RETURNING id").mapTo(Long.class).one());
    editor = new Actor(id, "Ed", true);
  }

  static PublicationInput page(String slug) {
    return Fixtures.publication(slug).type(PublicationTypes.PAGE).status(Status.DRAFT).published(null)
        .experts().topics().regions().body("Who we are.").build();
  }

  long pendingEvents() {
    return db.database().jdbi().withHandle(PublishedEvents::pending);
  }

  @EachDatabase
  void publishingAPageAnnouncesNothingAndAPublicationStillDoes() {
    workflow.create(editor, page("about"), Action.PUBLISH, null);
    assertThat(store.findPublication("about").orElseThrow().status()).isEqualTo(Status.PUBLISHED);
    assertThat(pendingEvents()).isZero();

    workflow.create(editor, Fixtures.publication("gas-transit").status(Status.DRAFT).published(null).build(),
        Action.PUBLISH, null);
    assertThat(pendingEvents()).isEqualTo(1);
  }

  @EachDatabase
  void aScheduledPageComesOutAnnouncingNothing() {
    workflow.create(editor, page("privacy"), Action.SCHEDULE, START.plusSeconds(3600));
    clock.set(START.plusSeconds(7200));

    int published = new ScheduledPublisher(store, clock, db.database().jdbi(), db.database().dialect()).publishDue();

    assertThat(published).isEqualTo(1);
    assertThat(store.findPublication("privacy").orElseThrow().status()).isEqualTo(Status.PUBLISHED);
    assertThat(pendingEvents()).isZero();
  }

  @EachDatabase
  void theEditorsListKeepsPagesApart() {
    workflow.create(editor, page("about"), Action.SAVE, null);
    workflow.create(editor, Fixtures.publication("gas-transit").status(Status.DRAFT).published(null).build(),
        Action.SAVE, null);

    assertThat(workflow.list(editor, PublicationFilter.all(), 1)).extracting(PublicationRow::slug)
        .containsExactly("gas-transit");
    assertThat(workflow.list(editor, new PublicationFilter(null, "page", null, null, null, null), 1))
        .extracting(PublicationRow::slug).containsExactly("about");
  }

  @EachDatabase
  void aRenamedPagesOldSlugLeadsToThePageNotToAPublication() {
    Workflow.Saved saved = workflow.create(editor, page("team"), Action.PUBLISH, null);
    PublicationInput renamed = Fixtures.publication("our-team").type(PublicationTypes.PAGE)
        .published(saved.publication().publishedAt().toString()).experts().topics().regions().body("Who we are.").build();
    workflow.save(editor, saved.publication().id(), saved.editVersion(), renamed, Action.SAVE, null);

    SlugRedirects redirects = new SlugRedirects(db.database().jdbi());
    assertThat(redirects.newSlug("page", "team")).hasValue("our-team");
    assertThat(redirects.newSlug("publication", "team")).isEmpty();
  }
}
