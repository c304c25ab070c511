package org.thinkpress.newsletter;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.TestDatabase;

/** On PostgreSQL the fault is a constraint the outbox's next row breaks, added and dropped by the test. */
@EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_URL_VARIABLE, matches = ".+")
class FailedSignUpPostgresTest extends FailedSignUpContract {

  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  @Override
  String refusal() {
    return "outbox_refused";
  }

  @Override
  void refuseOutboxWrites(Jdbi jdbi) {
    jdbi.useHandle(h -> h.execute("ALTER TABLE outbox ADD CONSTRAINT outbox_refused CHECK (send_id < 0) NOT VALID"));
  }

  @Override
  void allowOutboxWrites(Jdbi jdbi) {
    jdbi.useHandle(h -> h.execute("ALTER TABLE outbox DROP CONSTRAINT outbox_refused"));
  }
}
