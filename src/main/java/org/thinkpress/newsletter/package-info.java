/**
 * The newsletter: what is sent to subscribers (alerts, digests, campaigns, confirmation
 * messages), the durable outbox every message passes through, the sender that delivers it, and
 * the mail transports (SMTP, or a pickup folder of {@code .eml} files).
 *
 * <h2>How a message travels</h2>
 * A <em>send</em> is one message for many subscribers: the alert for a publication, a list's digest
 * for a period, a campaign. Creating it writes, in one transaction, the send and one <em>outbox
 * row</em> per recipient, unique per (send, subscriber); a send's {@code send_key} makes creating
 * it idempotent, so two nodes, two clicks or a restart never create it twice. A {@link Sender}
 * claims rows in batches ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so several nodes share
 * the work; on SQLite one sender per database, held by a file lock), renders each message from
 * the row at the moment of sending, hands it to the {@link MailTransport} and records the outcome.
 *
 * <h2>Using it</h2>
 * The wiring opens one {@code Newsletter} per process; sign-up and the CLI reach it through its
 * service, a test through the same calls over a pickup folder:
 * <pre>{@code
 * Newsletter newsletter = Newsletter.open(new Newsletter.Parts(database, clock, site, reader, content,
 *     subscriberSettings, NewsletterSettings.of("news@institute.example"), MailSettings.pickup(dataDir.resolve("outbox")),
 *     dataDir, tokens, new ConfirmationLinks(tokens)::token));
 * SubscriberService signUp = new SubscriberService(database.jdbi(), clock, subscriberSettings, tokens, reader,
 *     newsletter.subscriberMail());                              // confirmations go through this outbox
 * List<SendProgress> alerts = newsletter.service().alert("grain-corridor");   // rows queued, nothing sent yet
 * SendProgress campaign = newsletter.service().sendCampaign("News", "Our **news**.", List.of("news"),
 *     List.of(), List.of(), requestKey);                         // the same key twice sends once
 * boolean sending = newsletter.startSender();                    // false: another process holds the SQLite database's
 * // later: newsletter.service().waiting() == 0, newsletter.service().progress(campaign.send().id()).finished()
 * newsletter.close();
 * }</pre>
 *
 * <h2>Traps</h2>
 * Nothing is ever handed to a {@link MailTransport} directly: a message is an outbox row first,
 * written in the transaction of what caused it, and the sender is woken only after that commits.
 * "Submitted" means a mail server (or the pickup folder) took it, not that anyone got it; a
 * row in "submitting" after a crash is uncertain and is counted, never silently dropped nor
 * assumed sent. Alerts follow the publishing feature's "became published" events, not content
 * writes: importing or restoring a published piece announces nothing, so a test that imports a
 * piece and waits for its alert waits for ever (publish it through the workflow, or call
 * {@code alert(slug)}). Time is the injected {@code Clock}: retries' {@code next_attempt_at},
 * senders' leases and digest periods (cut in {@code site.timezone}) read it, so a test moves its
 * clock to make a retry due instead of sleeping, and code here never calls {@code Instant.now()}.
 * A message is rendered when it is sent, from the row and the subscriber as they are then: one who
 * unsubscribed or was suppressed meanwhile gets a cancelled or suppressed row, not a message.
 * Creating a send is idempotent by its {@code send_key}; a new kind of send needs a key that names
 * what it is for, or a retried request sends it twice.
 *
 * <h2>Outbox statuses</h2>
 * <dl>
 * <dt>queued</dt><dd>waiting to be sent, from {@code next_attempt_at} on (later after a temporary
 *     failure).</dd>
 * <dt>claimed</dt><dd>taken by a live sender for its next batch; nothing has been handed to a
 *     mail server yet. A sender that stops returns its claimed rows to queued; the rows of a
 *     sender that died go back to queued when its lease runs out.</dd>
 * <dt>submitting</dt><dd>being handed to the mail server right now: the only uncertain state.
 *     Each worker of a sender has at most one row in it. After a crash such rows are counted,
 *     logged as uncertain and queued again: their recipient may get the message twice (with the
 *     same Message-ID, so mail systems can drop the copy).</dd>
 * <dt>submitted</dt><dd>accepted by the mail server (SMTP 250 after DATA) or written to the pickup
 *     folder. Not "delivered": what happens after the relay is not known here.
 *     Avoid: sent, delivered.</dd>
 * <dt>failed</dt><dd>refused for good (SMTP 5xx), or temporary failures (4xx, timeouts, connection
 *     errors) went on past {@code newsletter.max-attempts}. The admin can queue failed rows again.</dd>
 * <dt>suppressed</dt><dd>not sent because the address is on the suppression list, or sent and
 *     refused as non-existent (a hard bounce: SMTP 550, 551, 553 or status 5.1.x at RCPT), which
 *     put it there.</dd>
 * <dt>cancelled</dt><dd>not sent because the subscriber unsubscribed, paused or left the list
 *     before the row's turn came.</dd>
 * </dl>
 *
 * <h2>Other words</h2>
 * <dl>
 * <dt>alert</dt><dd>the message about one publication, to confirmed subscribers of an alert list
 *     whose interests match it, when it becomes published here: {@link Alerts} consumes the
 *     publishing feature's "became published" events, so imported or restored pieces are never
 *     announced. Sent once per piece per subscriber, ever.</dd>
 * <dt>alert recipient</dt><dd>a subscriber who has had the alert of a piece (of any version of a
 *     translated piece): recorded before their outbox row is queued, and never queued again for
 *     it, whatever list, republication or node.</dd>
 * <dt>digest</dt><dd>one message per subscriber of a daily or weekly list with the pieces of the
 *     period that match their interests; none when nothing matches. A translated piece appears
 *     once, as the version meant for the subscriber.</dd>
 * <dt>version, original</dt><dd>of a piece in a translation group, each subscriber is sent the
 *     version in their language preference, or else the <em>original</em>: the version published
 *     first ({@link Versions}).</dd>
 * <dt>campaign</dt><dd>a message written by an editor in Markdown for a segment: lists × topics and
 *     regions.</dd>
 * <dt>generation</dt><dd>bumped when a row is deliberately sent anew (a second confirmation
 *     message); part of the Message-ID, which is otherwise derived from (send, subscriber).</dd>
 * </dl>
 */
package org.thinkpress.newsletter;
