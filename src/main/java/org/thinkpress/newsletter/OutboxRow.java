package org.thinkpress.newsletter;

/**
 * A row a sender has claimed, with what it needs to build the message.
 *
 * @param items digest rows: the publication ids, newest first, comma-separated
 * @param attempts tries made before this one
 */
record OutboxRow(long id, long sendId, long subscriberId, String items, int generation, int attempts) {}
