package org.thinkpress.newsletter;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.TestDatabase;

@EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_URL_VARIABLE, matches = ".+")
class AlertsPostgresTest extends AlertsContract {

  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }
}
