package org.thinkpress.web;

/**
 * Renders an error page in the site's design. The web layer decides the status; the page says
 * what happened in words for readers. Implementations must not throw.
 */
@FunctionalInterface
public interface ErrorPages {

  /**
   * @param status the HTTP status being answered
   * @param detail what was wrong with the request (400) or the incident number (500); may be empty
   * @return an HTML document, UTF-8
   */
  byte[] render(int status, String detail);
}
