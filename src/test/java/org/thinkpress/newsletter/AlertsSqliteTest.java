package org.thinkpress.newsletter;

import org.thinkpress.storage.Dialect;

class AlertsSqliteTest extends AlertsContract {

  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }
}
