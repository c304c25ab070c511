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
 * <h2>Using it</h2>
 * The wiring opens one {@code Database} per process and a feature's store takes its {@code Jdbi};
 * a test marked {@code @EachDatabase} gets a fresh, migrated one as a {@code TestDatabase}
 * parameter, on SQLite and on PostgreSQL (when {@code THINKPRESS_TEST_POSTGRES_URL} is set):
 * <pre>{@code
 * Database database = Database.open(DatabaseSettings.of("jdbc:sqlite:data/thinkpress.db"));
 * database.migrate();                                        // one query when the schema is current
 * int renamed = database.jdbi().inTransaction(handle -> handle     // a feature's store, its own table
 *     .createUpdate("UPDATE things SET name = :name, changed_at = :now WHERE id = :id")
 *     .bind("name", name).bind("now", clock.millis()).bind("id", id).execute());
 * if (database.dialect().supportsSkipLocked()) { ... }       // PostgreSQL: claim rows FOR UPDATE SKIP LOCKED
 * Backup.Written written = Backup.write(database, target, contents, clock, Backup.Progress.NONE);
 * try (Restore archive = Restore.open(target, Backup.Progress.NONE)) {
 *   archive.into(other, false, Map.of("uploads", uploads), List.of(AfterRestore.step(clock)), Backup.Progress.NONE);
 * }
 * }</pre>
 *
 * <h2>Traps</h2>
 * On SQLite every transaction takes the write lock when it begins, and there is one writer per
 * file: keep transactions short, read with {@code withHandle} rather than a transaction, never
 * send mail or wait on the network inside one, and never open a second transaction from inside
 * the first (another store's method that opens its own waits for the lock the caller holds until
 * the 10 s busy timeout); pass the {@code Handle} on instead, as {@code content.WriteHook} does.
 * Times are UTC epoch milliseconds from the injected clock ({@code clock.millis()}) in
 * {@code BIGINT} columns, never {@code TIMESTAMP} or the database's {@code now()}. A schema change
 * is a new {@code V__} file that runs unchanged on both databases (the identity key is
 * {@code ${id_pk}}), and {@code Database.SCHEMA_VERSION} goes up with it, or a test fails; an
 * applied migration is never edited (Flyway's checksums), and within a release line migrations
 * only add, since nodes are upgraded one after another. Backup and restore copy every table they
 * find, so a new table needs nothing here, but they know integers, booleans and text: a column of
 * another type is copied as text; and a table that a first start fills by itself must be named in
 * {@code TableWrites.WRITTEN_AT_FIRST_START}, or a restore finds every new installation not
 * empty. A test of a store runs on both databases ({@code @EachDatabase} instead of {@code @Test}),
 * since what SQLite allows PostgreSQL may refuse.
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
