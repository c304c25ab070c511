/**
 * The database: SQLite by default, PostgreSQL in production, behind one schema.
 *
 * <p>{@link org.thinkpress.storage.Database} opens a HikariCP pool and a JDBI on it and runs the
 * Flyway migrations in {@code src/main/resources/db/migration/}. One migration file serves both
 * databases: the {@code ${id_pk}} placeholder is each dialect's identity primary key, times are
 * UTC epoch milliseconds in {@code BIGINT} columns. {@link org.thinkpress.storage.Dialect} holds
 * the few differences. Features own their SQL; this package owns only the connection.
 *
 * <p>SQLite runs in WAL mode (readers do not block the writer) with write transactions that take
 * the write lock when they begin, so concurrent writers wait instead of failing halfway. At open,
 * {@code SqliteFile} checks that the file can be written now; its faults (locked by another
 * process, not writable, disk full, damaged) are told in one line naming the file and what to do,
 * at open and wherever else in the start they surface ({@link org.thinkpress.storage.Database#explained}).
 *
 * <p>{@link org.thinkpress.storage.Backup} writes every table (read in one snapshot) and the data
 * folders' files into one archive; {@link org.thinkpress.storage.Restore} checks such an archive
 * whole and writes it into an empty database of either kind in one transaction.
 *
 * <h2>Words</h2>
 * <dl>
 * <dt>snapshot</dt><dd>one moment of the database, seen by a read-only transaction while others
 *     write: what a backup reads.</dd>
 * <dt>archive</dt><dd>a backup's zip: {@code tables/NAME.jsonl} (a header line, then one JSON array
 *     per row, in key order), {@code files/FOLDER/NAME}, {@code secrets/NAME} and
 *     {@code manifest.json} (versions, time, counts, sizes and SHA-256 of every entry).</dd>
 * <dt>empty</dt><dd>a database holding only what a first start writes by itself (the content
 *     version's row, the link-signing key, sender heartbeats, login counters): what a restore
 *     accepts without {@code --replace}.</dd>
 * <dt>held</dt><dd>mail that was waiting when the backup was taken; a restore marks it failed with a
 *     note instead of sending it (see {@code newsletter.AfterRestore}).</dd>
 * </dl>
 */
package org.thinkpress.storage;
