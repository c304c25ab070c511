package org.thinkpress.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.ContentVersion;
import org.thinkpress.content.Fixtures;
import org.thinkpress.content.InvalidContentException;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.PublicationTypes;
import org.thinkpress.content.Status;
import org.thinkpress.content.TaxonKind;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.EachDatabase;
import org.thinkpress.storage.TestDatabase;
import org.thinkpress.testing.TestClock;

/** What {@link Workflow} promises, on each database: revisions, conflicts, roles, redirects, previews. */
final class WorkflowTest {

  static final Instant START = Instant.parse("2026-04-01T08:00:00Z");

  TestDatabase db;
  TestClock clock = new TestClock(START);
  ContentStore store;
  Workflow workflow;
  SlugRedirects redirects;
  long editorId;
  long authorId;
  long otherAuthorId;
  Actor editor;
  Actor author;
  Actor otherAuthor;

  @BeforeEach
  void open(TestDatabase db) {
    this.db = db;
    var jdbi = db.database().jdbi();
    store = new ContentStore(jdbi, clock, new MarkdownRenderer(), PublicationTypes.DEFAULT, new ContentVersion(jdbi));
    store.importBundle(Fixtures.taxonomy(), n -> {});
    workflow = new Workflow(jdbi, store, new PreviewLinks(jdbi, clock), clock);
    redirects = new SlugRedirects(jdbi);
    editorId = account(jdbi, "editor@think.example", "editor");
    authorId = account(jdbi, "author@think.example", "author");
    otherAuthorId = account(jdbi, "other@think.example", "author");
    editor = new Actor(editorId, "Eda Editor", true);
    author = new Actor(authorId, "Arno Author", false);
    otherAuthor = new Actor(otherAuthorId, "Olga Other", false);
  }

  private static long account(org.jdbi.v3.core.Jdbi jdbi, String email, String role) {
    return jdbi.withHandle(h -> h.createQuery("INSERT INTO accounts (email, name, role, password_hash, created_at,"
        + " changed_at) VALUES (:email, :email, :role, 'x', 0, 0) RETURNING id").bind("email", email).bind("role", role)
        .mapTo(Long.class).one());
  }

  static PublicationInput draft(String slug, String body) {
    return Fixtures.publication(slug).status(Status.DRAFT).published(null).body(body).build();
  }

  @EachDatabase
  void everySaveKeepsARevisionAndTheDiffShowsWhatChanged() {
    Workflow.Saved first = workflow.create(author, draft("water", "## Rivers\n\nThe Kura runs east."), Action.SAVE, null);
    long id = first.publication().id();
    Workflow.Saved second = workflow.save(author, id, first.editVersion(),
        draft("water", "## Rivers\n\nThe Kura runs east to the Caspian."), Action.SUBMIT, null);

    List<Revision> revisions = workflow.revisions(author, id);
    assertThat(revisions).extracting(Revision::editVersion).containsExactly(2L, 1L);
    assertThat(revisions).extracting(Revision::authorName).containsOnly("Arno Author");
    assertThat(second.publication().status()).isEqualTo(Status.IN_REVIEW);

    RevisionDiff.Diff diff = workflow.diff(author, id, revisions.get(1).id(), revisions.get(0).id());
    assertThat(diff.added()).isEqualTo(1);
    assertThat(diff.removed()).isEqualTo(1);
    assertThat(diff.lines()).extracting(RevisionDiff.Line::change, RevisionDiff.Line::text).contains(
        org.assertj.core.groups.Tuple.tuple(RevisionDiff.Change.REMOVED, "The Kura runs east."),
        org.assertj.core.groups.Tuple.tuple(RevisionDiff.Change.ADDED, "The Kura runs east to the Caspian."));
  }

  @EachDatabase
  void theDiffShowsAChangedUpdatedTimeAndBylineOrder() {
    Workflow.Saved first = workflow.create(editor, Fixtures.publication("order").status(Status.DRAFT).published(null)
        .experts("ana-beridze", "karen-avagyan").build(), Action.SAVE, null);
    long id = first.publication().id();
    workflow.save(editor, id, first.editVersion(), Fixtures.publication("order").status(Status.DRAFT).published(null)
        .updated("2026-01-02T03:04:05Z").experts("karen-avagyan", "ana-beridze").build(), Action.SAVE, null);
    List<Revision> revisions = workflow.revisions(editor, id);

    RevisionDiff.Diff diff = workflow.diff(editor, id, revisions.get(1).id(), revisions.get(0).id());

    assertThat(diff.lines()).filteredOn(line -> line.change() == RevisionDiff.Change.REMOVED
            || line.change() == RevisionDiff.Change.ADDED)
        .extracting(RevisionDiff.Line::change, RevisionDiff.Line::text).containsExactly(
            org.assertj.core.groups.Tuple.tuple(RevisionDiff.Change.REMOVED, "Experts: ana-beridze, karen-avagyan"),
            org.assertj.core.groups.Tuple.tuple(RevisionDiff.Change.ADDED, "Experts: karen-avagyan, ana-beridze"),
            org.assertj.core.groups.Tuple.tuple(RevisionDiff.Change.REMOVED, "Updated: "),
            org.assertj.core.groups.Tuple.tuple(RevisionDiff.Change.ADDED, "Updated: 2026-01-02T03:04:05Z"));
  }

  @EachDatabase
  void theSecondOfTwoConcurrentSavesIsRefusedAndBothVersionsAreKept() {
    Workflow.Saved created = workflow.create(editor, draft("grain", "Original text."), Action.SAVE, null);
    long id = created.publication().id();
    long openedAt = created.editVersion(); // both editors open version 1

    workflow.save(editor, id, openedAt, draft("grain", "Alice's text."), Action.SAVE, null);
    assertThatThrownBy(() -> workflow.save(editor, id, openedAt, draft("grain", "Bob's text."), Action.SAVE, null))
        .isInstanceOf(EditConflictException.class)
        .hasMessageStartingWith("Someone else saved this publication after you opened it (you started from version 1,"
            + " it is now at version 2). Your changes were not applied; they are kept as revision #");

    assertThat(store.findPublication(id).orElseThrow().bodyMarkdown()).isEqualTo("Alice's text.");
    List<Revision> revisions = workflow.revisions(editor, id);
    assertThat(revisions).extracting(Revision::kind).containsExactly("conflict", "save", "save");
    assertThat(revisions.get(0).document().bodyMarkdown()).isEqualTo("Bob's text.");
    assertThat(revisions.get(1).document().bodyMarkdown()).isEqualTo("Alice's text.");
  }

  @EachDatabase
  void ofTwoSavesRacingFromTheSameVersionExactlyOneWins() throws Exception {
    long id = workflow.create(editor, draft("race", "Start."), Action.SAVE, null).publication().id();
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
      for (String who : List.of("Alice", "Bob")) {
        outcomes.add(pool.submit(() -> {
          go.await();
          try {
            workflow.save(editor, id, 1, draft("race", who + " wins."), Action.SAVE, null);
            return "saved " + who;
          } catch (EditConflictException e) {
            return "refused " + who;
          }
        }));
      }
      go.countDown();
      List<String> results = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<String> outcome : outcomes) {
        results.add(outcome.get(30, java.util.concurrent.TimeUnit.SECONDS));
      }

      assertThat(results).filteredOn(r -> r.startsWith("saved")).hasSize(1);
      assertThat(results).filteredOn(r -> r.startsWith("refused")).hasSize(1);
      String winner = results.stream().filter(r -> r.startsWith("saved")).findFirst().orElseThrow().substring(6);
      assertThat(store.findPublication(id).orElseThrow().bodyMarkdown()).isEqualTo(winner + " wins.");
      assertThat(workflow.revisions(editor, id)).extracting(r -> r.document().bodyMarkdown())
          .contains("Alice wins.", "Bob wins.");
    } finally {
      pool.shutdownNow();
    }
  }

  @EachDatabase
  void restoringARevisionIsANewSaveThatKeepsTheStatus() {
    Workflow.Saved v1 = workflow.create(editor, draft("tariffs", "First."), Action.SAVE, null);
    long id = v1.publication().id();
    Workflow.Saved v2 = workflow.save(editor, id, 1, draft("tariffs", "Second."), Action.PUBLISH, null);
    long firstRevision = workflow.revisions(editor, id).get(1).id();

    Workflow.Saved v3 = workflow.restore(editor, id, firstRevision, v2.editVersion());

    assertThat(v3.publication().bodyMarkdown()).isEqualTo("First.");
    assertThat(v3.publication().status()).isEqualTo(Status.PUBLISHED);
    assertThat(workflow.revisions(editor, id).get(0).kind()).isEqualTo("restore");
  }

  @EachDatabase
  void anAuthorNeverSeesAnotherAuthorsDraftNorCanPublish() {
    long id = workflow.create(otherAuthor, draft("secret", "Not yours."), Action.SAVE, null).publication().id();

    assertThatThrownBy(() -> workflow.open(author, id)).isInstanceOf(ContentNotFoundException.class);
    assertThatThrownBy(() -> workflow.save(author, id, 1, draft("secret", "Mine now."), Action.SAVE, null))
        .isInstanceOf(ContentNotFoundException.class);
    assertThatThrownBy(() -> workflow.revisions(author, id)).isInstanceOf(ContentNotFoundException.class);
    assertThatThrownBy(() -> workflow.createPreviewLink(author, id)).isInstanceOf(ContentNotFoundException.class);
    assertThat(workflow.list(author, PublicationFilter.all(), 1)).isEmpty();
    assertThat(workflow.list(otherAuthor, PublicationFilter.all(), 1)).extracting(PublicationRow::id).containsExactly(id);

    assertThatThrownBy(() -> workflow.save(otherAuthor, id, 1, draft("secret", "x"), Action.PUBLISH, null))
        .isInstanceOf(ActionNotAllowedException.class).hasMessage("Only an editor can publish a publication");
    assertThat(workflow.open(otherAuthor, id).actions()).containsExactlyInAnyOrder(Action.SAVE, Action.SUBMIT);
  }

  @EachDatabase
  void anAuthorCannotChangeTheirPieceOnceAnEditorPublishedIt() {
    long id = workflow.create(author, draft("mine", "Text."), Action.SUBMIT, null).publication().id();
    workflow.save(editor, id, 1, draft("mine", "Edited."), Action.PUBLISH, null);

    assertThat(workflow.open(author, id).mayEdit()).isFalse();
    assertThatThrownBy(() -> workflow.save(author, id, 2, draft("mine", "Sneaky."), Action.SAVE, null))
        .isInstanceOf(ActionNotAllowedException.class)
        .hasMessage("Only an editor can change a publication that is published");
    assertThat(store.findPublication(id).orElseThrow().bodyMarkdown()).isEqualTo("Edited.");
  }

  @EachDatabase
  void actionsThatMakeNoSenseForTheStatusAreRefusedAndNotOffered() {
    long id = workflow.create(editor, draft("plain-draft", "Text."), Action.SAVE, null).publication().id();

    assertThat(workflow.open(editor, id).actions())
        .containsExactlyInAnyOrder(Action.SAVE, Action.SUBMIT, Action.PUBLISH, Action.SCHEDULE);
    assertThatThrownBy(() -> workflow.save(editor, id, 1, draft("plain-draft", "Text."), Action.ARCHIVE, null))
        .isInstanceOf(InvalidContentException.class)
        .hasMessage("a publication that is draft cannot be given the action 'archive'");
    assertThat(store.findPublication(id).orElseThrow().status()).isEqualTo(Status.DRAFT);

    workflow.save(editor, id, 1, draft("plain-draft", "Text."), Action.PUBLISH, null);
    assertThat(workflow.open(editor, id).actions())
        .containsExactlyInAnyOrder(Action.SAVE, Action.UNPUBLISH, Action.ARCHIVE);
  }

  @EachDatabase
  void schedulingNeedsAFutureTimeAndPublishesAtIt() {
    long id = workflow.create(editor, draft("later", "Soon."), Action.SAVE, null).publication().id();
    assertThatThrownBy(() -> workflow.save(editor, id, 1, draft("later", "Soon."), Action.SCHEDULE, START))
        .isInstanceOf(InvalidContentException.class)
        .hasMessage("the time to publish at must be in the future; to publish at once, use publish now");

    Instant at = START.plus(Duration.ofHours(2));
    workflow.save(editor, id, 1, draft("later", "Soon."), Action.SCHEDULE, at);
    assertThat(store.findPublication(id).orElseThrow().status()).isEqualTo(Status.SCHEDULED);

    ScheduledPublisher publisher = new ScheduledPublisher(store, clock, db.database().jdbi(), db.database().dialect());
    try {
      clock.set(at.minusSeconds(1));
      assertThat(publisher.publishDue()).isZero();
      clock.set(at);
      assertThat(publisher.publishDue()).isEqualTo(1);
      assertThat(store.findPublication(id).orElseThrow().status()).isEqualTo(Status.PUBLISHED);
      assertThat(store.findPublication(id).orElseThrow().publishedAt()).isEqualTo(at);
    } finally {
      publisher.close();
    }
  }

  @EachDatabase
  void aSlugChangeOfAPublishedPieceLeavesARedirectThatFollowsFurtherChanges() {
    long id = workflow.create(editor, draft("first-name", "Text."), Action.PUBLISH, null).publication().id();
    workflow.save(editor, id, 1, draft("second-name", "Text."), Action.SAVE, null);
    workflow.save(editor, id, 2, draft("third-name", "Text."), Action.SAVE, null);

    assertThat(redirects.newSlug("publication", "first-name")).hasValue("third-name");
    assertThat(redirects.newSlug("publication", "second-name")).hasValue("third-name");
    assertThat(redirects.newSlug("publication", "third-name")).isEmpty();

    workflow.save(editor, id, 3, draft("third-name", "Text."), Action.UNPUBLISH, null);
    assertThat(redirects.newSlug("publication", "first-name")).as("a draft's new address is not revealed").isEmpty();
  }

  @EachDatabase
  void aSlugAlreadyTakenIsRefused() {
    workflow.create(editor, draft("taken", "A."), Action.SAVE, null);
    assertThatThrownBy(() -> workflow.create(editor, draft("taken", "B."), Action.SAVE, null))
        .isInstanceOf(InvalidContentException.class)
        .hasMessage("slug 'taken' is already used by another publication");
  }

  @EachDatabase
  void previewLinksWorkUntilRevoked() {
    long id = workflow.create(author, draft("preview-me", "Draft."), Action.SAVE, null).publication().id();
    PreviewLinks.NewPreviewLink link = workflow.createPreviewLink(author, id);

    assertThat(link.token()).matches("[A-Za-z0-9_-]{43}");
    assertThat(workflow.previewByToken(link.token())).map(p -> p.slug()).hasValue("preview-me");
    assertThat(workflow.previewByToken(link.token().substring(1) + "A")).isEmpty();

    assertThat(workflow.previewLinks(author, id)).extracting(PreviewLinks.PreviewLink::active).containsExactly(true);

    assertThat(workflow.revokePreviewLink(author, id, link.id())).isTrue();
    assertThat(workflow.previewByToken(link.token())).isEmpty();
    assertThat(workflow.previewLinks(author, id)).extracting(PreviewLinks.PreviewLink::active).containsExactly(false);
  }

  @EachDatabase
  void renamingAndMergingTopicsKeepsOldAddressesWorking() {
    TaxonomyEditor taxonomy = new TaxonomyEditor(store, clock);
    long id = workflow.create(editor, Fixtures.publication("tagged").status(Status.DRAFT).published(null)
        .topics("energy", "security").build(), Action.PUBLISH, null).publication().id();

    taxonomy.rename(TaxonKind.TOPIC, "energy", "energy-and-climate");
    assertThat(redirects.newSlug("topic", "energy")).hasValue("energy-and-climate");

    taxonomy.merge(TaxonKind.TOPIC, "security", "energy-and-climate");
    assertThat(redirects.newSlug("topic", "security")).hasValue("energy-and-climate");
    assertThat(store.taxonomy().topic("security")).isEmpty();
    assertThat(store.taxonomy().topics(store.findPublication(id).orElseThrow().topicIds()))
        .extracting(t -> t.slug()).containsExactly("energy-and-climate");

    assertThatThrownBy(() -> taxonomy.delete(TaxonKind.TOPIC, "energy-and-climate"))
        .isInstanceOf(InvalidContentException.class)
        .hasMessage("topic 'energy-and-climate' is used by 1 publication(s); merge it into another topic instead");
    store.saveTopic(Fixtures.topic("unused", "Unused"));
    taxonomy.delete(TaxonKind.TOPIC, "unused");
    assertThat(store.taxonomy().topic("unused")).isEmpty();
  }

  @EachDatabase
  void aRegionCannotBeMergedIntoOneBelowIt() {
    TaxonomyEditor taxonomy = new TaxonomyEditor(store, clock);
    assertThatThrownBy(() -> taxonomy.merge(TaxonKind.REGION, "south-caucasus", "armenia"))
        .isInstanceOf(InvalidContentException.class)
        .hasMessage("cannot merge region 'south-caucasus' into 'armenia', which lies below it");

    taxonomy.merge(TaxonKind.REGION, "armenia", "georgia");
    assertThat(store.taxonomy().region("armenia")).isEmpty();
  }

  @EachDatabase(Dialect.POSTGRESQL)
  void whileAnotherNodeHoldsTheSchedulerLockThisNodeSkipsTheRound() throws Exception {
    Instant at = START.plusSeconds(60);
    long id = workflow.create(editor, draft("locked-out", "Text."), Action.SCHEDULE, at).publication().id();
    clock.set(at);
    ScheduledPublisher publisher = new ScheduledPublisher(store, clock, db.database().jdbi(), Dialect.POSTGRESQL);
    try (Connection otherNode = DriverManager.getConnection(db.url()); Statement sql = otherNode.createStatement()) {
      sql.execute("SELECT pg_advisory_lock(" + ScheduledPublisher.LOCK_KEY + ")");

      assertThat(publisher.publishDue()).isZero();
      assertThat(store.findPublication(id).orElseThrow().status()).isEqualTo(Status.SCHEDULED);

      sql.execute("SELECT pg_advisory_unlock(" + ScheduledPublisher.LOCK_KEY + ")");
      assertThat(publisher.publishDue()).isEqualTo(1);
      assertThat(store.findPublication(id).orElseThrow().status()).isEqualTo(Status.PUBLISHED);
    } finally {
      publisher.close();
    }
  }
}
