package org.thinkpress.subscribers;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.TestDatabase;

@EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_URL_VARIABLE, matches = ".+")
class SubscriberCsvPostgresTest extends SubscriberCsvContract {

  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }
}
