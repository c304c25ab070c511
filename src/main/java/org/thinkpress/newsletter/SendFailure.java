package org.thinkpress.newsletter;

/**
 * A message of a send that failed for good: to whom, after how many attempts, and the mail
 * server's last answer (which may quote the address). Personal data: shown to admins only.
 */
public record SendFailure(long subscriberId, String email, int attempts, String lastError) {

  public SendFailure {
    lastError = lastError == null ? "" : lastError;
  }
}
