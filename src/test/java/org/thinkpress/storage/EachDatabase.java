package org.thinkpress.storage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test once per database: on SQLite (a file in a temporary folder) always, and on
 * PostgreSQL (a schema of its own on the server named by {@value TestDatabase#POSTGRES_URL_VARIABLE})
 * when that variable is set; without it the PostgreSQL run is reported as skipped, saying why, except
 * when {@code CI=true}, where it fails.
 * Each run shows its database in its name ({@code [SQLite]}, {@code [PostgreSQL]}).
 *
 * <p>The test, and its class's {@code @BeforeEach} and {@code @AfterEach} methods, may take a
 * {@link Dialect} or a {@link TestDatabase} parameter: the same fresh, migrated database for all
 * three within one run, removed after it.
 *
 * <pre>{@code
 * @BeforeEach
 * void open(TestDatabase db) { store = new JdbiContentStore(db.database().jdbi()); }
 *
 * @EachDatabase
 * void savesAndReadsBack() { ... }
 *
 * @EachDatabase(Dialect.POSTGRESQL)
 * void whileAnotherNodeHoldsTheLockThisNodeWaits(TestDatabase db) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(EachDatabaseExtension.class)
public @interface EachDatabase {

  /** The databases to run on; both unless the test is about one of them. */
  Dialect[] value() default {Dialect.SQLITE, Dialect.POSTGRESQL};
}
