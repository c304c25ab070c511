package org.thinkpress.app;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.thinkpress.storage.Dialect;
import org.thinkpress.storage.TestDatabase;

@EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_URL_VARIABLE, matches = ".+")
class BackupRestorePostgresTest extends BackupRestoreContract {

  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }
}
