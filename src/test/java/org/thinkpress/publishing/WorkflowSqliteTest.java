package org.thinkpress.publishing;

import org.thinkpress.storage.Dialect;

class WorkflowSqliteTest extends WorkflowContract {

  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }
}
