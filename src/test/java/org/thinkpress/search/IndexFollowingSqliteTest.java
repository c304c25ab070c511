package org.thinkpress.search;

import org.thinkpress.storage.Dialect;

class IndexFollowingSqliteTest extends IndexFollowingContract {

  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }
}
