package org.thinkpress.admin;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.thinkpress.content.ContentStore;
import org.thinkpress.content.MarkdownRenderer;
import org.thinkpress.newsletter.NewsletterService;
import org.thinkpress.publishing.PreviewLinks;
import org.thinkpress.publishing.TaxonomyEditor;
import org.thinkpress.publishing.Workflow;
import org.thinkpress.site.Assets;
import org.thinkpress.site.SiteConfig;
import org.thinkpress.subscribers.SubscriberService;
import org.thinkpress.accounts.AccountStore;
import org.thinkpress.accounts.Accounts;
import org.thinkpress.accounts.ApiTokens;
import org.thinkpress.accounts.LoginThrottle;
import org.thinkpress.accounts.SessionStore;

/**
 * The admin, built by hand from what the application already has: the editor UI at
 * {@code /admin} (with the newsletter's subscribers, sends and campaigns), the API at {@code /admin/api}, shared previews at {@code /preview/TOKEN} and
 * uploaded images at {@code /media/NAME}. {@code app.ThinkPress} makes one and registers its routes.
 */
public final class Admin {

  /**
   * What the admin needs from the rest of the application.
   *
   * @param uploadsFolder where uploaded images are kept ({@code data.dir/uploads})
   * @param uploadMaxBytes the largest image accepted
   */
  public record Settings(SiteConfig site, Path uploadsFolder, long uploadMaxBytes) {
    public Settings {
      requireNonNull(site, "site");
      requireNonNull(uploadsFolder, "uploadsFolder");
    }
  }

  private final AccountStore accountStore;
  private final AdminRoutes ui;
  private final ApiRoutes api;

  /** The newsletter's services the admin's subscriber, send and campaign pages use. */
  public record Mail(SubscriberService subscribers, NewsletterService newsletter) {
    public Mail {
      requireNonNull(subscribers, "subscribers");
      requireNonNull(newsletter, "newsletter");
    }
  }

  public Admin(Jdbi jdbi, Clock clock, ContentStore content, Assets assets, Settings settings, Mail mail) {
    requireNonNull(jdbi, "jdbi");
    requireNonNull(clock, "clock");
    requireNonNull(content, "content");
    requireNonNull(mail, "mail");
    this.accountStore = new AccountStore(jdbi, clock);
    Accounts accounts = new Accounts(accountStore, new SessionStore(jdbi, clock), new LoginThrottle(jdbi, clock),
        new ApiTokens(jdbi, clock));
    MarkdownRenderer markdown = new MarkdownRenderer();
    Workflow workflow = new Workflow(jdbi, content, new PreviewLinks(jdbi, clock), clock);
    TaxonomyEditor taxonomyEditor = new TaxonomyEditor(content, clock);
    Uploads uploads = new Uploads(jdbi, settings.uploadsFolder(), settings.uploadMaxBytes(), clock);
    AdminPages pages = new AdminPages(new AdminAssets(assets), settings.site().zone());
    this.ui = new AdminRoutes(accounts,
        new AccountHandlers(accounts, pages, content, settings.site().isHttps()),
        new PublicationHandlers(workflow, content, markdown, pages, settings.site(), settings.uploadMaxBytes()),
        new TaxonomyHandlers(content, taxonomyEditor, pages),
        new UploadHandlers(uploads, pages),
        new AdminRoutes.MailHandlers(new SubscriberHandlers(mail.subscribers(), content, pages, clock),
            new SendHandlers(mail.newsletter(), pages), new CampaignHandlers(mail.newsletter(), content, markdown, pages)));
    this.api = new ApiRoutes(accounts, workflow, content, taxonomyEditor, uploads, markdown, settings.site());
  }

  /** The accounts, for the {@code user} command. */
  public AccountStore accounts() {
    return accountStore;
  }

  public void register(RoutesConfig routes) {
    api.register(routes);
    ui.register(routes);
  }

  /** Every route with the least role it needs (null: open to anyone), for tests. */
  List<AdminRoutes.Route> routeTable() {
    List<AdminRoutes.Route> all = new ArrayList<>(ui.table());
    all.addAll(api.table());
    return all;
  }
}
