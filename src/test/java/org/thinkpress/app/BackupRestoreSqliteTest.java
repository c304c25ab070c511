package org.thinkpress.app;

import org.thinkpress.storage.Dialect;

class BackupRestoreSqliteTest extends BackupRestoreContract {

  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }
}
