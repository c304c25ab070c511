package org.thinkpress.publishing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.InvalidContentException;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.Status;
import org.thinkpress.content.WriteHook;
import org.thinkpress.publishing.PreviewLinks.NewPreviewLink;
import org.thinkpress.publishing.PreviewLinks.PreviewLink;

/**
 * The editorial workflow: every way a person changes a publication (save, submit, publish,
 * schedule, unpublish, archive, restore a revision), with the rules of who may do what.
 *
 * <p>Each save is one transaction that checks the edit version the editor started from, writes
 * the piece, keeps a revision and, when the slug changed, a redirect; when it puts the piece on
 * the site, it also records a {@linkplain PublishedEvents "became published" event}. A piece someone may not see
 * is reported as not found, never as forbidden, so that guessing ids reveals nothing.
 */
public final class Workflow {

  /** A piece as saved, with the edit version the next save must name. */
  public record Saved(Publication publication, long editVersion) {}

  /**
   * A piece opened for editing.
   *
   * @param ownerId the account that created it, or {@code null} for imported pieces
   * @param mayEdit whether the actor may change its fields
   * @param actions what the actor may do with it now
   */
  public record Editable(Publication publication, long editVersion, Long ownerId, boolean mayEdit, Set<Action> actions) {}

  private final ContentStore store;
  private final EditorialStore editorial;
  private final PreviewLinks previews;
  private final Clock clock;

  public Workflow(Jdbi jdbi, ContentStore store, PreviewLinks previews, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.editorial = new EditorialStore(requireNonNull(jdbi, "jdbi"));
    this.previews = requireNonNull(previews, "previews");
    this.clock = requireNonNull(clock, "clock");
  }

  /** One page (50 pieces) of the pieces the actor may see, most recently changed first. */
  public List<PublicationRow> list(Actor actor, PublicationFilter filter, int page) {
    return editorial.list(filter, actor, 50, Math.max(0, page - 1) * 50);
  }

  /** The languages pieces are written in, in any status, for the list's filter. */
  public List<String> languages() {
    return editorial.languages();
  }

  /** Opens a piece; not found when it does not exist or the actor may not see it. */
  public Editable open(Actor actor, long id) {
    Publication publication = store.findPublication(id).orElseThrow(() -> notFound(id));
    EditorialStore.EditState state = editorial.state(id);
    requireVisible(actor, id, state);
    boolean mayEdit = mayEdit(actor, state, publication.status());
    Set<Action> actions = EnumSet.noneOf(Action.class);
    if (mayEdit) {
      for (Action action : Action.values()) {
        if (action.appliesTo(publication.status()) && (actor.editor() || !action.editorsOnly())) {
          actions.add(action);
        }
      }
    }
    return new Editable(publication, state.editVersion(), state.ownerId(), mayEdit, actions);
  }

  /** Creates a piece owned by the actor, as a draft or with the action's status. */
  public Saved create(Actor actor, PublicationInput input, Action action, Instant scheduleAt) {
    requireAllowed(actor, action);
    if (!action.appliesTo(Status.DRAFT)) {
      throw new InvalidContentException("a new publication cannot be given the action '" + action.key() + "'");
    }
    PublicationInput withStatus = apply(action, null, input, scheduleAt);
    Publication saved = store.savePublication(null, withStatus, new WriteHook() {
      @Override
      public void before(Handle handle, Long id) {}

      @Override
      public void after(Handle handle, long id, String previousSlug) {
        EditorialStore.create(handle, id, actor.accountId());
        SlugRedirects.forget(handle, "publication", withStatus.slug());
        EditorialStore.addRevision(handle, id, 1, "save", actor, "created (" + action.key() + ")",
            Documents.toJson(withStatus), clock.millis());
        if (withStatus.status() == Status.PUBLISHED) {
          PublishedEvents.record(handle, id, PublishedEvents.Cause.PUBLISH, clock.millis());
        }
      }
    });
    return new Saved(saved, 1);
  }

  /**
   * Saves the piece's fields and takes the action, provided nobody saved it since
   * {@code expectedVersion}; otherwise keeps the submitted fields as a conflict revision and
   * throws {@link EditConflictException}.
   *
   * @param scheduleAt the time to publish at, for {@link Action#SCHEDULE}; else ignored
   */
  public Saved save(Actor actor, long id, long expectedVersion, PublicationInput input, Action action,
                    Instant scheduleAt) {
    return write(actor, id, expectedVersion, input, action, scheduleAt, "save", action.key());
  }

  /** Makes a revision's fields the current ones again (the status stays), as a new revision. */
  public Saved restore(Actor actor, long id, long revisionId, long expectedVersion) {
    Revision revision = revision(actor, id, revisionId);
    Publication current = store.findPublication(id).orElseThrow(() -> notFound(id));
    PublicationInput document = revision.document().withStatus(current.status(),
        current.publishedAt() != null ? current.publishedAt() : revision.document().publishedAt());
    return write(actor, id, expectedVersion, document, Action.SAVE, null, "restore",
        "restored revision #" + revisionId);
  }

  private Saved write(Actor actor, long id, long expectedVersion, PublicationInput input, Action action,
                      Instant scheduleAt, String kind, String note) {
    Publication current = store.findPublication(id).orElseThrow(() -> notFound(id));
    requireAllowed(actor, action);
    PublicationInput withStatus = apply(action, current, input, scheduleAt);
    String document = Documents.toJson(withStatus);
    long[] version = new long[1];
    Status[] before = new Status[1];
    try {
      Publication saved = store.savePublication(id, withStatus, new WriteHook() {
        @Override
        public void before(Handle handle, Long existing) {
          EditorialStore.EditState state = EditorialStore.state(handle, id);
          requireVisible(actor, id, state);
          Status stored = Status.ofKey(handle.createQuery("SELECT status FROM publications WHERE id = :id")
              .bind("id", id).mapTo(String.class).one());
          before[0] = stored;
          if (!mayEdit(actor, state, stored)) {
            throw new ActionNotAllowedException("Only an editor can change a publication that is " + stored.key());
          }
          if (!action.appliesTo(stored)) {
            throw new InvalidContentException("a publication that is " + stored.key() + " cannot be given the action '"
                + action.key() + "'");
          }
          EditorialStore.advance(handle, id, expectedVersion).ifPresent(actual -> {
            throw new Conflict(actual);
          });
          version[0] = expectedVersion + 1;
        }

        @Override
        public void after(Handle handle, long written, String previousSlug) {
          if (previousSlug != null && !previousSlug.equals(withStatus.slug())) {
            SlugRedirects.record(handle, "publication", previousSlug, withStatus.slug(), clock.millis());
          }
          EditorialStore.addRevision(handle, written, version[0], kind, actor, note, document, clock.millis());
          if (withStatus.status() == Status.PUBLISHED && before[0] != Status.PUBLISHED) {
            PublishedEvents.record(handle, written, PublishedEvents.Cause.PUBLISH, clock.millis());
          }
        }
      });
      return new Saved(saved, version[0]);
    } catch (Conflict conflict) {
      long kept = editorial.addRevision(id, conflict.actual, "conflict", actor,
          "refused: started from version " + expectedVersion + ", found " + conflict.actual, document, clock.millis());
      throw new EditConflictException(id, kept, expectedVersion, conflict.actual);
    }
  }

  /** Thrown inside the transaction to roll it back; becomes an {@link EditConflictException} outside. */
  private static final class Conflict extends RuntimeException {
    final long actual;

    Conflict(long actual) {
      super(null, null, false, false);
      this.actual = actual;
    }
  }

  /** The input with the status and publication time the action gives it. */
  private PublicationInput apply(Action action, Publication current, PublicationInput input, Instant scheduleAt) {
    Instant now = clock.instant();
    Instant given = input.publishedAt() != null ? input.publishedAt() : current == null ? null : current.publishedAt();
    return switch (action) {
      case SAVE -> current == null ? input.withStatus(Status.DRAFT, input.publishedAt())
          : input.withStatus(current.status(), given == null && current.status().needsPublicationTime() ? now : given);
      case SUBMIT -> input.withStatus(Status.IN_REVIEW, given);
      case PUBLISH -> input.withStatus(Status.PUBLISHED, given != null && !given.isAfter(now) ? given : now);
      case SCHEDULE -> {
        Instant at = scheduleAt != null ? scheduleAt : input.publishedAt();
        if (at == null || !at.isAfter(now)) {
          throw new InvalidContentException("the time to publish at must be in the future; to publish at once,"
              + " use publish now");
        }
        yield input.withStatus(Status.SCHEDULED, at);
      }
      case UNPUBLISH -> input.withStatus(Status.DRAFT, given);
      case ARCHIVE -> input.withStatus(Status.ARCHIVED, given != null ? given : now);
    };
  }

  public List<Revision> revisions(Actor actor, long id) {
    open(actor, id);
    return editorial.revisions(id);
  }

  public Revision revision(Actor actor, long id, long revisionId) {
    open(actor, id);
    return editorial.revision(id, revisionId)
        .orElseThrow(() -> new ContentNotFoundException("revision", "#" + revisionId));
  }

  public RevisionDiff.Diff diff(Actor actor, long id, long fromRevision, long toRevision) {
    return RevisionDiff.between(revision(actor, id, fromRevision), revision(actor, id, toRevision));
  }

  public NewPreviewLink createPreviewLink(Actor actor, long id) {
    open(actor, id);
    return previews.create(id, actor.accountId());
  }

  public boolean revokePreviewLink(Actor actor, long id, long linkId) {
    open(actor, id);
    return previews.revoke(id, linkId);
  }

  public List<PreviewLink> previewLinks(Actor actor, long id) {
    open(actor, id);
    return previews.list(id);
  }

  /** The piece an active preview link shows, in whatever status it is. */
  public Optional<Publication> previewByToken(String token) {
    return previews.publicationFor(token).flatMap(store::findPublication);
  }

  private static void requireAllowed(Actor actor, Action action) {
    if (action.editorsOnly() && !actor.editor()) {
      throw new ActionNotAllowedException("Only an editor can " + action.key() + " a publication");
    }
  }

  private static void requireVisible(Actor actor, long id, EditorialStore.EditState state) {
    if (!actor.editor() && (state.ownerId() == null || state.ownerId() != actor.accountId())) {
      throw notFound(id);
    }
  }

  private static boolean mayEdit(Actor actor, EditorialStore.EditState state, Status status) {
    return actor.editor() || (state.ownerId() != null && state.ownerId() == actor.accountId()
        && (status == Status.DRAFT || status == Status.IN_REVIEW));
  }

  private static ContentNotFoundException notFound(long id) {
    return new ContentNotFoundException("publication", "#" + id);
  }
}
