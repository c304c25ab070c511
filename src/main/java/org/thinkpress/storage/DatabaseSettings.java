package org.thinkpress.storage;

import static java.util.Objects.requireNonNull;

/**
 * Where the database is and how to log in to it.
 *
 * @param url a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL
 * @param user the user name, empty when the URL or the database needs none
 * @param password the password, empty when none; never logged
 * @param maxPoolSize the most connections kept open at once
 */
public record DatabaseSettings(String url, String user, String password, int maxPoolSize) {

  public DatabaseSettings {
    requireNonNull(url, "url");
    requireNonNull(user, "user");
    requireNonNull(password, "password");
    if (maxPoolSize < 1) {
      throw new StorageException("database.pool-size must be at least 1, was " + maxPoolSize);
    }
    Dialect.of(url); // fail at start, naming the setting, rather than at the first query
  }

  public static DatabaseSettings of(String url) {
    return new DatabaseSettings(url, "", "", 8);
  }

  public Dialect dialect() {
    return Dialect.of(url);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
        + ", maxPoolSize=" + maxPoolSize + "]";
  }
}
