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
 */
package org.thinkpress.storage;
