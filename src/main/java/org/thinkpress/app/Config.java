package org.thinkpress.app;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.thinkpress.kit.SiteConfig;
import org.thinkpress.newsletter.MailSettings;
import org.thinkpress.newsletter.NewsletterSettings;
import org.thinkpress.search.SearchSettings;
import org.thinkpress.storage.DatabaseSettings;
import org.thinkpress.subscribers.SubscriberSettings;
import org.thinkpress.web.ClientAddress;

/**
 * Everything the process is told at start, validated: a bad value stops it with a message naming
 * the setting. Built by {@link ConfigLoader} from defaults, an optional properties file,
 * {@code THINKPRESS_*} environment variables and command-line options, in that order.
 *
 * @param host the address the HTTP server listens on
 * @param port the TCP port the HTTP server listens on
 * @param dataDir the folder for the SQLite file, uploads, the search index and the mail pickup folder
 * @param database where the database is
 * @param site how the public site behaves
 * @param contentVersionPollSeconds how often to look for content changes made by other nodes
 * @param uploadMaxMegabytes the largest image an editor may upload, in MiB
 * @param search how search behaves
 * @param subscribers how sign-up behaves
 * @param newsletter how mail to subscribers is sent
 * @param mail where mail goes (SMTP or the pickup folder) and how it is signed
 * @param clientAddress whose {@code X-Forwarded-For} to believe (server.trusted-proxies)
 */
public record Config(String host, int port, Path dataDir, DatabaseSettings database, SiteConfig site,
                     int contentVersionPollSeconds, int uploadMaxMegabytes, SearchSettings search,
                     SubscriberSettings subscribers, NewsletterSettings newsletter, MailSettings mail,
                     ClientAddress clientAddress) {

  public Config {
    requireNonNull(host, "host");
    requireNonNull(dataDir, "dataDir");
    requireNonNull(database, "database");
    requireNonNull(site, "site");
    requireNonNull(search, "search");
    requireNonNull(subscribers, "subscribers");
    requireNonNull(newsletter, "newsletter");
    requireNonNull(mail, "mail");
    requireNonNull(clientAddress, "clientAddress");
  }

  /** A copy listening on another port (0 picks a free one), keeping the base URL as configured. */
  public Config withPort(int newPort) {
    return new Config(host, newPort, dataDir, database, site, contentVersionPollSeconds, uploadMaxMegabytes, search,
        subscribers, newsletter, mail, clientAddress);
  }
}
