package org.thinkpress.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.thinkpress.content.Status;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.TestDatabase;

@EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_URL_VARIABLE, matches = ".+")
class WorkflowPostgresTest extends WorkflowContract {

  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  @Test
  void whileAnotherNodeHoldsTheSchedulerLockThisNodeSkipsTheRound() throws Exception {
    Instant at = START.plusSeconds(60);
    long id = workflow.create(editor, draft("locked-out", "Text."), Action.SCHEDULE, at).publication().id();
    clock.set(at);
    ScheduledPublisher publisher = new ScheduledPublisher(store, clock, db.database().jdbi(), Dialect.POSTGRESQL);
    try (Connection otherNode = DriverManager.getConnection(db.url()); Statement sql = otherNode.createStatement()) {
      sql.execute("SELECT pg_advisory_lock(" + ScheduledPublisher.LOCK_KEY + ")");

      assertThat(publisher.publishDue()).isZero();
      assertThat(store.findPublication(id).orElseThrow().status()).isEqualTo(Status.SCHEDULED);

      sql.execute("SELECT pg_advisory_unlock(" + ScheduledPublisher.LOCK_KEY + ")");
      assertThat(publisher.publishDue()).isEqualTo(1);
      assertThat(store.findPublication(id).orElseThrow().status()).isEqualTo(Status.PUBLISHED);
    } finally {
      publisher.close();
    }
  }
}
