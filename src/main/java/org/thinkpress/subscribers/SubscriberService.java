package org.thinkpress.subscribers;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.InvalidContentException;
import org.thinkpress.content.Languages;
import org.thinkpress.content.Region;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.Topic;
import org.thinkpress.subscribers.SubscriberStore.Choices;

/**
 * Sign-up, confirmation, preferences and unsubscribing for readers; search, counts, import,
 * export, suppression and erasure for the admin and the CLI. Every change is one transaction,
 * committed before the caller answers.
 *
 * <p>{@link #subscribe} answers the same way whatever the address's state, so the answer cannot
 * tell anyone whether an address is subscribed: what differs is only what the address receives
 * (a confirmation link, a note with its preferences link, or nothing when it is suppressed or has
 * asked too often).
 */
public final class SubscriberService {

  private static final Logger log = LoggerFactory.getLogger(SubscriberService.class);
  /** A second confirmation message to one address is queued at most this often. */
  static final Duration RESEND_AFTER = Duration.ofMinutes(10);
  static final int MAX_NAME = 200;
  /** How someone left, as {@link #unsubscribe(String, String)} records it. */
  public static final String ONE_CLICK = "one-click unsubscribe (List-Unsubscribe-Post)";
  public static final String UNSUBSCRIBE_LINK = "the unsubscribe link of a message";
  public static final String PREFERENCES_PAGE = "the preferences page";

  private final Jdbi jdbi;
  private final Clock clock;
  private final SubscriberSettings settings;
  private final LinkTokens tokens;
  private final ContentReader content;
  private final SubscriberMail mail;
  private final SubscriberStore store = new SubscriberStore();
  private final ConfirmationLinks confirmationLinks;
  private final PerAddressLimit perAddress;

  public SubscriberService(Jdbi jdbi, Clock clock, SubscriberSettings settings, LinkTokens tokens, ContentReader content,
                           SubscriberMail mail) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.clock = requireNonNull(clock, "clock");
    this.settings = requireNonNull(settings, "settings");
    this.tokens = requireNonNull(tokens, "tokens");
    this.confirmationLinks = new ConfirmationLinks(tokens);
    this.content = requireNonNull(content, "content");
    this.mail = requireNonNull(mail, "mail");
    this.perAddress = new PerAddressLimit(settings.perAddressPerHour(), Duration.ofHours(1), clock);
  }

  public SubscriberSettings settings() {
    return settings;
  }

  public MailingLists lists() {
    return settings.lists();
  }

  public LinkTokens tokens() {
    return tokens;
  }

  // --- readers -------------------------------------------------------------------------------

  /**
   * Records a sign-up and queues its confirmation message, or does nothing visible. Throws
   * {@link InvalidSubscriptionException} only for input that is wrong whoever sends it (a
   * malformed address, an unknown list): never because of the address's state.
   */
  public void subscribe(SubscribeRequest request) {
    String email = EmailAddresses.normalize(request.email());
    String name = cleanName(request.name());
    List<String> lists = request.lists().isEmpty() ? List.of(settings.lists().first().key()) : checkLists(request.lists());
    Interests interests = interests(request.topics(), request.regions(), request.everything());
    String language = languageTag(request.language()).orElse(settings.language());
    Choices choices = new Choices(name, language, interests.everything, lists, interests.topics, interests.regions);
    if (!perAddress.tryAcquire(email)) {
      log.info("Sign-up for {} ignored: more than {} requests in an hour", EmailAddresses.masked(email),
          settings.perAddressPerHour());
      return;
    }
    long now = clock.millis();
    jdbi.useTransaction(handle -> {
      if (store.isSuppressed(handle, email)) {
        return;
      }
      Optional<Subscriber> existing = store.findByEmail(handle, email);
      if (existing.isEmpty()) {
        long id = store.insert(handle, email, SubscriberStatus.PENDING, choices,
            SubscriberStore.History.signUp(request.consent(), now), now);
        sendConfirmation(handle, id, now);
        return;
      }
      Subscriber subscriber = existing.get();
      switch (subscriber.status()) {
        case CONFIRMED, PAUSED -> {
          // Their choices change only through their preferences link: a form anyone can fill in
          // must not rewrite someone else's subscription. They get a note with that link, and no
          // confirmation link is made live.
          if (resendAllowed(handle, subscriber.id(), now)) {
            store.markConfirmationSent(handle, subscriber.id(), now);
            mail.queueConfirmation(handle, subscriber.id());
          }
        }
        case PENDING, UNSUBSCRIBED -> {
          store.replaceChoices(handle, subscriber.id(), choices);
          store.setStatus(handle, subscriber.id(), SubscriberStatus.PENDING, now);
          store.recordConsent(handle, subscriber.id(), request.consent(), now, choices.language());
          if (subscriber.status() == SubscriberStatus.UNSUBSCRIBED || resendAllowed(handle, subscriber.id(), now)) {
            sendConfirmation(handle, subscriber.id(), now);
          }
        }
      }
    });
  }

  private boolean resendAllowed(Handle handle, long id, long now) {
    Long sentAt = store.confirmationSentAt(handle, id).orElse(null);
    return sentAt == null || now - sentAt >= RESEND_AFTER.toMillis();
  }

  private void sendConfirmation(Handle handle, long id, long now) {
    store.renewConfirmation(handle, id, LinkTokens.newNonce(), now + settings.confirmLinkLifetime().toMillis(), now);
    mail.queueConfirmation(handle, id);
  }


  /**
   * The token of the subscriber's live confirmation link, or empty when none is live (already
   * confirmed); what the confirmation message carries.
   */
  public Optional<String> confirmationToken(Handle handle, long subscriberId) {
    return confirmationLinks.token(handle, subscriberId);
  }

  /**
   * Follows a confirmation link: the subscriber becomes confirmed and the link is used up.
   *
   * @throws InvalidLinkException tampered, expired, already used, or for an erased subscriber
   */
  public Subscriber confirm(String token) {
    LinkTokens.Confirmation confirmation = tokens.checkConfirmation(token);
    long now = clock.millis();
    return jdbi.inTransaction(handle -> {
      Subscriber subscriber = store.find(handle, confirmation.subscriberId())
          .orElseThrow(() -> new InvalidLinkException(InvalidLinkException.Reason.GONE));
      if (!store.confirm(handle, subscriber.id(), confirmation.nonce(), now)) {
        throw new InvalidLinkException(InvalidLinkException.Reason.USED);
      }
      log.info("Subscriber #{} confirmed", subscriber.id());
      return store.find(handle, subscriber.id()).orElseThrow();
    });
  }

  /** Checks a confirmation link without using it (the page that asks to press "Confirm"). */
  public void checkConfirmation(String token) {
    LinkTokens.Confirmation confirmation = tokens.checkConfirmation(token);
    jdbi.useHandle(handle -> {
      SubscriberStore.LiveConfirmation live = store.confirmation(handle, confirmation.subscriberId())
          .orElseThrow(() -> new InvalidLinkException(store.find(handle, confirmation.subscriberId()).isPresent()
              ? InvalidLinkException.Reason.USED : InvalidLinkException.Reason.GONE));
      if (!live.nonce().equals(confirmation.nonce())) {
        throw new InvalidLinkException(InvalidLinkException.Reason.USED);
      }
    });
  }

  /** The subscriber a preferences link is for. */
  public Subscriber preferences(String token) {
    long id = tokens.checkPreferences(token);
    return jdbi.withHandle(handle -> store.find(handle, id))
        .orElseThrow(() -> new InvalidLinkException(InvalidLinkException.Reason.GONE));
  }

  /**
   * Saves the choices made on a preferences page. Following a link sent to the address proves it
   * is theirs, so this also confirms a pending or unsubscribed subscriber.
   */
  public Subscriber updatePreferences(String token, Preferences preferences) {
    long id = tokens.checkPreferences(token);
    if (preferences.lists().isEmpty()) {
      throw new InvalidSubscriptionException("choose at least one list, or unsubscribe");
    }
    List<String> lists = checkLists(preferences.lists());
    Interests interests = interests(preferences.topics(), preferences.regions(), preferences.everything());
    String name = cleanName(preferences.name());
    Optional<String> language = preferences.language().isEmpty() ? Optional.empty()
        : Optional.of(languageTag(preferences.language()).orElseThrow(() -> new InvalidSubscriptionException(
            "language '" + abbreviate(preferences.language()) + "' is not a language tag such as en or ru")));
    long now = clock.millis();
    return jdbi.inTransaction(handle -> {
      Subscriber subscriber = store.find(handle, id)
          .orElseThrow(() -> new InvalidLinkException(InvalidLinkException.Reason.GONE));
      store.replaceChoices(handle, id, new Choices(name, subscriber.language(), interests.everything, lists,
          interests.topics, interests.regions));
      language.ifPresent(tag -> store.setLanguage(handle, id, tag));
      SubscriberStatus status = preferences.paused() ? SubscriberStatus.PAUSED : SubscriberStatus.CONFIRMED;
      store.setStatus(handle, id, status, now);
      if (status == SubscriberStatus.PAUSED) {
        mail.cancelQueued(handle, id);
      }
      return store.find(handle, id).orElseThrow();
    });
  }

  /** {@link #unsubscribe(String, String)} through the unsubscribe link of a message. */
  public int unsubscribe(String token) {
    return unsubscribe(token, UNSUBSCRIBE_LINK);
  }

  /**
   * Unsubscribes the subscriber a preferences link is for, at once, and cancels mail still queued
   * for them. Doing it twice is harmless (the first time and way are kept); for an erased
   * subscriber there is nothing to do.
   *
   * @param how how they left, kept with the subscriber and exported: {@link #ONE_CLICK},
   *     {@link #UNSUBSCRIBE_LINK} or {@link #PREFERENCES_PAGE}
   * @return how many queued messages were cancelled
   */
  public int unsubscribe(String token, String how) {
    long id = tokens.checkPreferences(token);
    long now = clock.millis();
    return jdbi.inTransaction(handle -> {
      Optional<Subscriber> subscriber = store.find(handle, id);
      if (subscriber.isEmpty()) {
        return 0;
      }
      if (subscriber.get().status() != SubscriberStatus.UNSUBSCRIBED) {
        store.unsubscribe(handle, id, how, now, now);
      }
      int cancelled = mail.cancelQueued(handle, id);
      log.info("Subscriber #{} unsubscribed; {} queued message(s) cancelled", id, cancelled);
      return cancelled;
    });
  }

  /**
   * The languages a subscriber may choose for their messages: the site's, then every language
   * published pieces are written in.
   */
  public List<String> languages() {
    Set<String> languages = new LinkedHashSet<>();
    languages.add(settings.language());
    languages.addAll(content.languages());
    return List.copyOf(languages);
  }

  // --- the admin and the CLI -----------------------------------------------------------------

  public List<Subscriber> search(SubscriberQuery query) {
    return jdbi.withHandle(handle -> store.search(handle, query));
  }

  public long count(SubscriberQuery query) {
    return jdbi.withHandle(handle -> store.count(handle, query));
  }

  public SubscriberCounts counts() {
    return jdbi.withHandle(store::counts);
  }

  public Optional<Subscriber> find(String email) {
    String normalized = EmailAddresses.normalize(email);
    return jdbi.withHandle(handle -> store.findByEmail(handle, normalized));
  }

  public Optional<Subscriber> find(long id) {
    return jdbi.withHandle(handle -> store.find(handle, id));
  }

  /**
   * Removes a subscriber and every trace of them: lists, interests, queued and past outbox rows,
   * their suppression entry, and the copies of their messages in the pickup folder. The log keeps
   * only the id.
   */
  public void erase(String email) {
    String normalized = EmailAddresses.normalize(email);
    long id = jdbi.inTransaction(handle -> {
      Subscriber subscriber = store.findByEmail(handle, normalized)
          .orElseThrow(() -> new SubscriberNotFoundException("with this address"));
      store.erase(handle, subscriber.id(), normalized, clock.millis());
      return subscriber.id();
    });
    mail.erased(id);
    log.info("Subscriber #{} erased on request", id);
  }

  /** Why an address is on the suppression list, if it is. */
  public Optional<String> suppression(String email) {
    String normalized = EmailAddresses.normalize(email);
    return jdbi.withHandle(handle -> store.suppressionReason(handle, normalized));
  }

  /** Puts an address on the suppression list and cancels mail queued for it. */
  public void suppress(String email, String reason) {
    String normalized = EmailAddresses.normalize(email);
    long now = clock.millis();
    jdbi.useTransaction(handle -> {
      store.suppress(handle, normalized, reason, now);
      store.findByEmail(handle, normalized).ifPresent(s -> mail.cancelQueued(handle, s.id()));
    });
  }

  /**
   * Imports subscribers from CSV in ThinkPress's columns, all rows or none: see {@link SubscriberCsv}
   * for the format and {@link SubscriberImport} for what each row does. Sends nothing.
   */
  public ImportReport importCsv(java.io.Reader csv, String sourceName, boolean dryRun) {
    return importCsv(csv, sourceName, SubscriberFormat.THINKPRESS, dryRun);
  }

  /**
   * Imports subscribers from CSV in the given format, all rows or none: Substack's and Ghost's
   * exports are read as {@link PlatformSubscriberCsv} says, then go through the same rules as
   * ThinkPress's own file, so that nobody who left is subscribed again. Sends nothing.
   */
  public ImportReport importCsv(java.io.Reader csv, String sourceName, SubscriberFormat format, boolean dryRun) {
    requireNonNull(csv, "csv");
    requireNonNull(sourceName, "sourceName");
    requireNonNull(format, "format");
    SubscriberCsv.Parsed parsed = format == SubscriberFormat.THINKPRESS ? csv(content.taxonomy()).parse(csv, sourceName)
        : new PlatformSubscriberCsv(format, settings.lists(), settings.language()).parse(csv, sourceName);
    if (!parsed.errors().isEmpty()) {
      return ImportReport.refused(dryRun, parsed.errors());
    }
    return new SubscriberImport(store, mail).run(jdbi, parsed, clock.millis(), dryRun);
  }

  /** Writes every subscriber as CSV, every column; returns how many. */
  public int exportCsv(java.io.Writer out) {
    return csv(content.taxonomy()).exportTo(jdbi, store, out);
  }

  private SubscriberCsv csv(Taxonomy taxonomy) {
    return new SubscriberCsv(settings.lists(), taxonomy, settings.language());
  }

  // --- checks --------------------------------------------------------------------------------

  /** The tag in its canonical case ({@code pt-br} is {@code pt-BR}), or empty when it is not a language tag. */
  static Optional<String> languageTag(String raw) {
    if (raw == null || raw.isBlank() || raw.length() > 35) {
      return Optional.empty();
    }
    try {
      return Optional.of(Languages.require("language", raw.strip()));
    } catch (InvalidContentException e) {
      return Optional.empty();
    }
  }

  static String cleanName(String raw) {
    String name = raw == null ? "" : raw.strip();
    if (name.length() > MAX_NAME) {
      throw new InvalidSubscriptionException("the name is longer than " + MAX_NAME + " characters");
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        throw new InvalidSubscriptionException("the name contains a control character");
      }
    }
    return name;
  }

  private List<String> checkLists(List<String> keys) {
    Set<String> lists = new LinkedHashSet<>();
    for (String key : keys) {
      lists.add(settings.lists().require(key).key());
    }
    return List.copyOf(lists);
  }

  record Interests(boolean everything, List<Long> topics, List<Long> regions) {}

  /** Resolves slugs; no topic and no region chosen means everything, whatever {@code everything} says. */
  Interests interests(List<String> topicSlugs, List<String> regionSlugs, boolean everything) {
    Taxonomy taxonomy = content.taxonomy();
    List<Long> topics = new ArrayList<>();
    for (String slug : new LinkedHashSet<>(topicSlugs)) {
      topics.add(taxonomy.topic(slug).map(Topic::id)
          .orElseThrow(() -> new InvalidSubscriptionException("unknown topic '" + abbreviate(slug) + "'")));
    }
    List<Long> regions = new ArrayList<>();
    for (String slug : new LinkedHashSet<>(regionSlugs)) {
      regions.add(taxonomy.region(slug).map(Region::id)
          .orElseThrow(() -> new InvalidSubscriptionException("unknown region '" + abbreviate(slug) + "'")));
    }
    // Chosen topics or regions win over a ticked "everything" (which the page ticks by default):
    // the reader who picks subjects wants those.
    boolean all = topics.isEmpty() && regions.isEmpty();
    return all ? new Interests(true, List.of(), List.of()) : new Interests(false, topics, regions);
  }

  private static String abbreviate(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }
}
