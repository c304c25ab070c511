/**
 * The publishing workflow: what moves a piece from draft to the public site.
 *
 * <p>{@link org.thinkpress.publishing.ScheduledPublisher} puts scheduled pieces on the site when
 * their time comes, at start and every few seconds; the schedule is in the database, so it
 * survives restarts.
 */
package org.thinkpress.publishing;
