package org.thinkpress.subscribers;

import org.thinkpress.storage.Dialect;

class SubscriberCsvSqliteTest extends SubscriberCsvContract {

  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }
}
