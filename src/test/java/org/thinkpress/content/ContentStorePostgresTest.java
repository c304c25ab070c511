package org.thinkpress.content;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.TestDatabase;

@EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_URL_VARIABLE, matches = ".+")
class ContentStorePostgresTest extends ContentStoreContract {

  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }
}
