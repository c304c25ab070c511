/**
 * The publishing workflow: how a piece goes from a draft to the public site, who may move it, and
 * what is kept on the way.
 *
 * <p>{@link org.thinkpress.publishing.Workflow} is the service: save, submit, publish, schedule,
 * unpublish, archive, restore. {@link org.thinkpress.publishing.ScheduledPublisher} puts scheduled
 * pieces live at their time. {@link org.thinkpress.publishing.SlugRedirects} keeps old URLs working.
 * {@link org.thinkpress.publishing.PreviewLinks} shares drafts with reviewers.
 * {@link org.thinkpress.publishing.PublishedEvents} records each piece that becomes published.
 * Its admin pages (the publications list, the editing page, revisions, taxonomies) are the section
 * {@link org.thinkpress.publishing.PublishingAdmin}; the JSON API at {@code /admin/api} is
 * {@link org.thinkpress.publishing.ApiRoutes} (documented in {@code docs/api.md}).
 *
 * <h2>Words</h2>
 * <dl>
 *   <dt>actor</dt><dd>the account doing something; an <em>editor</em> actor (roles admin and editor)
 *   may act on every piece, any other only on pieces it <em>owns</em> (created), while they are
 *   drafts or in review.</dd>
 *   <dt>status</dt><dd>draft → in-review → scheduled → published → archived, as in
 *   {@link org.thinkpress.content.Status}; only actions move a piece between them.</dd>
 *   <dt>edit version</dt><dd>a counter per piece, raised by each workflow save. A save names the
 *   version it started from; if another save came in between, it is refused (a <em>conflict</em>)
 *   and its text kept as a revision. Imported pieces start at version 0.</dd>
 *   <dt>revision</dt><dd>the whole editable document as one save left it (kind {@code save},
 *   {@code restore}, or {@code conflict} for a refused save). Never changed, never deleted while the
 *   piece exists.</dd>
 *   <dt>redirect</dt><dd>an old slug that answers with a 301 to the current one. A publication's
 *   redirect only answers while the piece is public.</dd>
 *   <dt>published event</dt><dd>the durable record that a piece <em>became published</em> on this
 *   installation ({@link org.thinkpress.publishing.PublishedEvents}), written in the same transaction
 *   as the change by the publish action and by a schedule coming due, never by imports or copies of
 *   rows; the newsletter's alerts consume them. <em>Handled</em>: taken by its consumer, once.</dd>
 *   <dt>preview link</dt><dd>{@code /preview/TOKEN}: a piece in any status, for anyone holding the
 *   link, until it is revoked. Only the token's hash is stored.</dd>
 *   <dt>editing form</dt><dd>a piece's page in the admin; it shows every field a piece has, so that a
 *   save writes back only what was changed in it: experts (the byline), topics and regions in their
 *   order, and the publication and "updated" times in {@code site.timezone}, to the second they are
 *   stored at ({@code PublicationForm}).</dd>
 * </dl>
 */
package org.thinkpress.publishing;
