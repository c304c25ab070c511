/**
 * Subscribers: people who asked the institute for email, what they asked for, and the proof.
 *
 * <p>A reader subscribes with the form in every page's footer or on {@code /subscribe}: an
 * address, an optional name, the {@linkplain MailingList lists} they want and their interests.
 * Nothing is sent to the address but a confirmation message until they follow its link (double
 * opt-in). Every message carries a link to a preferences page and a one-click unsubscribe link
 * (RFC 8058). No account is needed: the links carry a signed {@linkplain LinkTokens token}.
 *
 * <h2>Using it</h2>
 * The wiring builds one {@code SubscriberService} over the newsletter's outbox; the site's
 * routes, the CLI and the admin call it, and so does a test:
 * <pre>{@code
 * SubscriberService subscribers = new SubscriberService(jdbi, clock, settings, LinkTokens.loadOrCreate(jdbi, clock),
 *     reader, newsletter.subscriberMail());
 * subscribers.subscribe(new SubscribeRequest("Ana@Example.org", "Ana", "ru", List.of("new-publications"),
 *     List.of("energy"), List.of(), false, "footer form, /analysis/grain-corridor"));   // says nothing back
 * Subscriber ana = subscribers.find("ana@example.org").orElseThrow();                   // PENDING
 * String token = jdbi.withHandle(h -> subscribers.confirmationToken(h, ana.id())).orElseThrow();
 * subscribers.confirm(token);                                                           // CONFIRMED
 * subscribers.unsubscribe(subscribers.tokens().preferences(ana.id()), SubscriberService.ONE_CLICK);
 * ImportReport report = subscribers.importCsv(csv, "people.csv", true);                 // a dry run writes nothing
 * subscribers.importCsv(members, "members.csv", SubscriberFormat.GHOST, false);         // Ghost's export as it comes
 * }</pre>
 *
 * <h2>Traps</h2>
 * {@code subscribe} never tells whether an address is known, confirmed, unsubscribed or
 * suppressed: it returns nothing and throws only for input that is wrong whoever sends it, so a
 * test looks at the stored subscriber or the outbox, and no page may say "already subscribed".
 * The form cannot change a confirmed subscriber's choices (anyone can type their address); only
 * their preferences link does. Sign-ups past {@code perAddressPerHour} for one address are
 * ignored quietly, which a test signing one address up many times runs into. Addresses are stored
 * lower-cased ({@code EmailAddresses.normalize}) and logged masked ({@code EmailAddresses.masked}):
 * never log or show a whole address outside the admin's subscriber pages. Suppression outranks
 * every status, and an import never subscribes again someone who left, is suppressed or was
 * erased, whatever its rows say. Confirmation links expire and rate limits count by the injected
 * clock: a test moves its clock, never sleeps. {@link SubscriberMail} is called inside the
 * caller's transaction, which may still roll back: an implementation queues rows with that
 * {@code Handle} and wakes its sender only after the commit. Links are signed with the
 * installation's key in the database ({@code LinkTokens.loadOrCreate}): a restore carries it, a
 * fresh database makes a new one and every old link fails.
 *
 * <h2>Words</h2>
 * <dl>
 * <dt>subscriber</dt><dd>one address, stored lower-cased: one row whatever the case typed.</dd>
 * <dt>language preference</dt><dd>the language a subscriber's messages are written in, and of a
 *     translated piece the version they are sent: the page's language at sign-up (or the one
 *     chosen on the sign-up page), changed on the preferences page, carried in the CSV.</dd>
 * <dt>pending</dt><dd>asked, not yet confirmed: receives only the confirmation message.</dd>
 * <dt>confirmed</dt><dd>followed the confirmation link (or was imported with recorded consent):
 *     receives what their lists and interests select.</dd>
 * <dt>paused</dt><dd>confirmed, but asked to receive nothing for now; keeps their choices.</dd>
 * <dt>unsubscribed</dt><dd>asked to receive nothing; queued mail to them is cancelled at once. A
 *     new subscription starts a new double opt-in.</dd>
 * <dt>list</dt><dd>a kind of mail (alerts on publication, a daily or weekly digest, occasional
 *     campaigns), configured with {@code newsletter.lists}.</dd>
 * <dt>interests</dt><dd>topics and regions, or everything. A region includes the regions below
 *     it: interest in "South Caucasus" matches a piece about Armenia.</dd>
 * <dt>suppressed</dt><dd>an address never to be mailed again (a hard bounce, a complaint):
 *     stronger than any status, and kept on its own list.</dd>
 * <dt>consent</dt><dd>how the person agreed (the form, or an import's consent column: the consent
 *     <em>source</em>) and when ({@code consent_at}). Exported with the subscriber. A reader
 *     imported from Substack or Ghost agreed to the same publisher there: their consent says so
 *     and gives the day ("subscribed on Substack on 2023-04-01").</dd>
 * <dt>departure</dt><dd>when and how an unsubscribed subscriber left ({@code unsubscribed_at},
 *     {@code unsubscribe_reason}: one-click, the unsubscribe link, the preferences page, an
 *     import). Kept and exported, so that an import elsewhere knows they left.</dd>
 * <dt>import rules</dt><dd>what an import does with each row ({@link SubscriberImport}): it may
 *     add people as the row says and make less mail happen, never subscribe again someone who
 *     left, is suppressed or was erased, nor confirm anyone without a row recording consent.</dd>
 * <dt>erase</dt><dd>remove a subscriber and every trace of them (lists, interests, outbox rows,
 *     suppression), on their request, keeping only the SHA-256 of the address so that an import
 *     skips it; signing up again through double opt-in still works.</dd>
 * </dl>
 *
 * <p>The public surface: {@link SubscriberService} (what the site, the CLI and the admin call),
 * {@link SubscriberRoutes} (the public pages), {@link LinkTokens}, {@link MailingLists},
 * {@link SubscriberFormat} (whose CSV an import reads: ThinkPress's, Substack's, Ghost's),
 * {@link SubscriberMail} (what the newsletter implements to queue confirmation messages).
 */
package org.thinkpress.subscribers;
