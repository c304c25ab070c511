package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.Publication;
import org.thinkpress.content.Region;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.Topic;
import org.thinkpress.subscribers.InvalidSubscriptionException;
import org.thinkpress.subscribers.MailingList;
import org.thinkpress.subscribers.MailingLists;

/**
 * What editors, the admin pages and the CLI do with the newsletter: create sends (digests,
 * campaigns, an alert on request), follow their progress, queue failures again. Creating a send
 * queues its rows; the {@link Sender} delivers them.
 */
public final class NewsletterService {

  /** The longest subject and campaign body accepted. */
  public static final int MAX_SUBJECT = 300;
  public static final int MAX_BODY = 200_000;

  private final OutboxStore outbox;
  private final Alerts alerts;
  private final Digests digests;
  private final MailingLists lists;
  private final ContentReader reader;
  private final Clock clock;
  private volatile Runnable wake = () -> {};

  NewsletterService(OutboxStore outbox, Alerts alerts, Digests digests, MailingLists lists, ContentReader reader,
                    Clock clock) {
    this.outbox = requireNonNull(outbox, "outbox");
    this.alerts = requireNonNull(alerts, "alerts");
    this.digests = requireNonNull(digests, "digests");
    this.lists = requireNonNull(lists, "lists");
    this.reader = requireNonNull(reader, "reader");
    this.clock = requireNonNull(clock, "clock");
  }

  void onQueued(Runnable wakeSender) {
    this.wake = wakeSender;
  }

  public MailingLists lists() {
    return lists;
  }

  // --- sends and their progress (the admin's "sends" page) -----------------------------------

  /** The latest sends, newest first, with their progress; confirmation messages left out. */
  public List<SendProgress> sends(int limit) {
    List<SendProgress> progress = new ArrayList<>();
    for (Send send : outbox.sends(limit)) {
      progress.add(outbox.progress(send));
    }
    return progress;
  }

  public SendProgress progress(long sendId) {
    return outbox.progress(outbox.findSend(sendId).orElseThrow(() -> new SendNotFoundException(sendId)));
  }

  /**
   * Queues a send's failed messages again, except to subscribers who unsubscribed since or are
   * suppressed; returns how many.
   */
  public int retryFailed(long sendId) {
    outbox.findSend(sendId).orElseThrow(() -> new SendNotFoundException(sendId));
    int queued = outbox.retryFailed(sendId, clock.millis());
    wake.run();
    return queued;
  }

  /** Up to {@code limit} failures of a send: who, attempts, last error. */
  public List<SendFailure> failures(long sendId, int limit) {
    return outbox.failures(sendId, limit);
  }

  /** How many messages wait over every send (queued, claimed, submitting). */
  public long waiting() {
    return outbox.waiting();
  }

  // --- creating sends ------------------------------------------------------------------------

  /**
   * Composes the digests whose period has ended by {@code now} and that do not exist yet: of one
   * list, or of every digest list.
   *
   * @return the progress of each digest created now (none when all were composed before)
   */
  public List<SendProgress> composeDueDigests(Instant now, Optional<String> listKey) {
    return composeDigests(now, listKey, Instant.MIN);
  }

  /**
   * What the schedule composes by itself every minute: the due digests, leaving out any period
   * that ended at or before {@code digests_after} (set by a restore, see {@link AfterRestore}).
   */
  List<SendProgress> composeScheduledDigests(Instant now) {
    Instant after = outbox.jdbi().withHandle(AfterRestore::digestsAfter).orElse(Instant.MIN);
    return composeDigests(now, Optional.empty(), after);
  }

  private List<SendProgress> composeDigests(Instant now, Optional<String> listKey, Instant notEndingBy) {
    List<MailingList> targets = listKey.isPresent() ? List.of(lists.require(listKey.get()))
        : lists.all().stream().filter(MailingList::isDigest).toList();
    List<SendProgress> created = new ArrayList<>();
    for (MailingList list : targets) {
      if (!list.isDigest()) {
        throw new InvalidSubscriptionException("list '" + list.key() + "' is not a digest list (it is " + list.cadence().key()
            + ")");
      }
      Instant end = digests.latestPeriodEnd(list, now);
      if (end.isAfter(notEndingBy)) {
        digests.compose(list, end).ifPresent(id -> created.add(progress(id)));
      }
    }
    if (!created.isEmpty()) {
      wake.run();
    }
    return created;
  }

  /**
   * The alert of a published piece, created now if it was not, whatever the piece's age or how it
   * came here (the operator's choice, for an imported piece): to the confirmed subscribers of the
   * alert lists who have not had the alert of this piece, or of another version of it, before.
   */
  public List<SendProgress> alert(String slug) {
    Publication publication = reader.publicPublication(slug)
        .filter(p -> p.status() == org.thinkpress.content.Status.PUBLISHED)
        .orElseThrow(() -> new ContentNotFoundException("published piece", slug));
    alerts.create(publication);
    List<SendProgress> progress = new ArrayList<>();
    for (MailingList list : lists.withCadence(MailingList.Cadence.ALERT)) {
      outbox.findSend("alert:" + publication.id() + ":" + list.key()).ifPresent(s -> progress.add(outbox.progress(s)));
    }
    return progress;
  }

  /**
   * Stores a campaign and queues it for its segment at once.
   *
   * @param listKeys at least one list
   * @param topicSlugs with {@code regionSlugs}, the interests of the segment; both empty: everyone on the lists
   */
  public SendProgress sendCampaign(String subject, String bodyMarkdown, List<String> listKeys, List<String> topicSlugs,
                                   List<String> regionSlugs) {
    return sendCampaign(subject, bodyMarkdown, listKeys, topicSlugs, regionSlugs, null);
  }

  /**
   * The same, once per {@code requestKey}: a second call with the key of a campaign already sent
   * creates nothing and returns that send's progress (a form submitted twice, a reload of the
   * confirmation). The key becomes the send key {@code campaign:request:KEY}.
   *
   * @param requestKey 16 to 64 letters, digits, {@code -} or {@code _}, or {@code null} for none
   */
  public SendProgress sendCampaign(String subject, String bodyMarkdown, List<String> listKeys, List<String> topicSlugs,
                                   List<String> regionSlugs, String requestKey) {
    if (requestKey != null && !requestKey.matches("[A-Za-z0-9_-]{16,64}")) {
      throw new InvalidSubscriptionException("the campaign's request key must be 16 to 64 letters, digits, - or _");
    }
    String sendKey = requestKey == null ? null : "campaign:request:" + requestKey;
    if (sendKey != null) {
      Optional<Send> sent = outbox.findSend(sendKey);
      if (sent.isPresent()) {
        return outbox.progress(sent.get());
      }
    }
    String cleanSubject = checkCampaign(subject, bodyMarkdown);
    Segment segment = segment(listKeys, topicSlugs, regionSlugs);
    long created;
    try {
      created = createCampaign(cleanSubject, bodyMarkdown, segment, topicSlugs, regionSlugs, sendKey);
    } catch (AlreadySent e) {
      return outbox.progress(outbox.findSend(sendKey).orElseThrow());
    }
    wake.run();
    return progress(created);
  }

  /**
   * Checks a campaign's subject and body as {@link #sendCampaign} does, before anything is sent
   * (the admin's confirmation step); returns the subject as it will be sent, on one line.
   */
  public String checkCampaign(String subject, String bodyMarkdown) {
    String cleanSubject = MessageBuilder.oneLine(subject == null ? "" : subject);
    if (cleanSubject.isEmpty() || cleanSubject.length() > MAX_SUBJECT) {
      throw new InvalidSubscriptionException("a campaign needs a subject of 1 to " + MAX_SUBJECT + " characters");
    }
    if (bodyMarkdown == null || bodyMarkdown.isBlank() || bodyMarkdown.length() > MAX_BODY) {
      throw new InvalidSubscriptionException("a campaign needs a body of 1 to " + MAX_BODY + " characters");
    }
    return cleanSubject;
  }

  /** Writes the campaign, its send and its rows in one transaction; returns the send's id. */
  private long createCampaign(String subject, String bodyMarkdown, Segment segment, List<String> topicSlugs,
                              List<String> regionSlugs, String sendKey) {
    long now = clock.millis();
    return outbox.jdbi().inTransaction(handle -> {
      long campaignId = handle.createQuery("INSERT INTO campaigns (subject, body_md, lists, topics, regions, created_at)"
              + " VALUES (:subject, :body, :lists, :topics, :regions, :now) RETURNING id")
          .bind("subject", subject).bind("body", bodyMarkdown).bind("lists", String.join(",", segment.lists()))
          .bind("topics", String.join(",", topicSlugs)).bind("regions", String.join(",", regionSlugs)).bind("now", now)
          .mapTo(Long.class).one();
      // Empty only when a call with the same request key won a race with this one: roll back, no orphan campaign.
      long id = outbox.createSend(handle, sendKey == null ? "campaign:" + campaignId : sendKey, Send.Kind.CAMPAIGN,
          segment.lists().get(0), subject, null, campaignId, null, null, now).orElseThrow(AlreadySent::new);
      outbox.insertSegment(handle, id, segment.lists(), segment.topics(), segment.regions(), segment.everyone(), now);
      return id;
    });
  }

  /**
   * How many messages {@link #sendCampaign} would queue now for this segment: the same query,
   * counting instead of inserting.
   */
  public long campaignRecipients(List<String> listKeys, List<String> topicSlugs, List<String> regionSlugs) {
    Segment segment = segment(listKeys, topicSlugs, regionSlugs);
    return outbox.jdbi().withHandle(handle -> outbox.countSegment(handle, segment.lists(), segment.topics(),
        segment.regions(), segment.everyone()));
  }

  /** A campaign's recipients as ids: lists, topics, and regions with those below and above them. */
  private record Segment(List<String> lists, Set<Long> topics, Set<Long> regions, boolean everyone) {}

  private Segment segment(List<String> listKeys, List<String> topicSlugs, List<String> regionSlugs) {
    if (listKeys.isEmpty()) {
      throw new InvalidSubscriptionException("a campaign needs at least one list");
    }
    List<String> keys = listKeys.stream().map(k -> lists.require(k).key()).distinct().toList();
    Taxonomy taxonomy = reader.taxonomy();
    Set<Long> topics = new LinkedHashSet<>();
    for (String slug : topicSlugs) {
      topics.add(taxonomy.topic(slug).map(Topic::id).orElseThrow(() -> new InvalidSubscriptionException("unknown topic '" + slug + "'")));
    }
    List<Long> regionIds = new ArrayList<>();
    for (String slug : regionSlugs) {
      regionIds.add(taxonomy.region(slug).map(Region::id).orElseThrow(() -> new InvalidSubscriptionException("unknown region '" + slug + "'")));
    }
    Set<Long> regions = new LinkedHashSet<>(Interests.regionsWithin(regionIds, taxonomy));
    regions.addAll(Interests.regionsMatching(regionIds, taxonomy));
    return new Segment(keys, topics, regions, topics.isEmpty() && regions.isEmpty());
  }

  /** Thrown inside a transaction to roll it back when a campaign's request key is already used. */
  private static final class AlreadySent extends RuntimeException {
    AlreadySent() {
      super(null, null, false, false);
    }
  }

  /** No send has this id. */
  public static final class SendNotFoundException extends org.thinkpress.ThinkPressException {
    SendNotFoundException(long id) {
      super(Kind.NOT_FOUND, "no send #" + id);
    }
  }
}
