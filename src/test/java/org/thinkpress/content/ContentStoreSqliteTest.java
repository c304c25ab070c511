package org.thinkpress.content;

import org.thinkpress.storage.Dialect;

class ContentStoreSqliteTest extends ContentStoreContract {

  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }
}
