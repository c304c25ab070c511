package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.kit.Messages;
import org.thinkpress.kit.SiteConfig;
import org.thinkpress.kit.SiteIdentity;
import org.thinkpress.kit.Urls;
import org.thinkpress.newsletter.EmailViews.AlertEmail;
import org.thinkpress.newsletter.EmailViews.CampaignEmail;
import org.thinkpress.newsletter.EmailViews.ConfirmationEmail;
import org.thinkpress.newsletter.EmailViews.DigestEmail;
import org.thinkpress.newsletter.EmailViews.Frame;
import org.thinkpress.newsletter.EmailViews.Item;
import org.thinkpress.newsletter.EmailViews.TextEmail;
import org.thinkpress.subscribers.LinkTokens;
import org.thinkpress.subscribers.MailingList;
import org.thinkpress.subscribers.MailingLists;
import org.thinkpress.subscribers.SubscriberRoutes;

/**
 * Renders one message for one recipient with the jte templates in {@code newsletter/}: an HTML
 * part and a plain-text part, in the recipient's language, every link absolute, and the links
 * that let them view it in a browser, change their choices or unsubscribe.
 */
final class EmailRenderer {

  /** One rendered message, ready to be wrapped in MIME. */
  record Rendered(String subject, String html, String text, String listKey, String listName, String siteName) {}

  private final SiteConfig site;
  private final LinkTokens tokens;
  private final MailingLists lists;
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
      EmailRenderer.class.getClassLoader(), "org.thinkpress.templates");

  EmailRenderer(SiteConfig site, LinkTokens tokens, MailingLists lists) {
    this.site = requireNonNull(site, "site");
    this.tokens = requireNonNull(tokens, "tokens");
    this.lists = requireNonNull(lists, "lists");
  }

  String preferencesUrl(long subscriberId) {
    return site.absolute(SubscriberRoutes.preferencesPath(tokens.preferences(subscriberId)));
  }

  String unsubscribeUrl(long subscriberId) {
    return site.absolute(SubscriberRoutes.unsubscribePath(tokens.preferences(subscriberId)));
  }

  String viewUrl(long sendId, long subscriberId) {
    return site.absolute(EmailViewRoutes.PATH + tokens.view(sendId, subscriberId));
  }

  private Frame frame(Messages msg, String subject, String siteName, String address, long sendId, long subscriberId,
                      String listName, boolean viewable) {
    String why = listName == null ? null : msg.format("email.why", listName, site.baseUrl().getHost());
    return new Frame(msg, msg.language(), subject, siteName, site.absolute("/"),
        viewable ? viewUrl(sendId, subscriberId) : null, preferencesUrl(subscriberId), unsubscribeUrl(subscriberId), why,
        SiteIdentity.addressLines(address));
  }

  /**
   * Renders the message of a row, or empty when there is nothing to send (the alert's piece was
   * deleted, a digest's pieces were all withdrawn, a confirmation link is no longer live).
   *
   * @param confirmationToken the live confirmation token for confirmation rows, else ignored
   */
  Optional<Rendered> render(SendContents.Content content, OutboxRow row, OutboxStore.Recipient recipient,
                            ContentReader reader, Optional<String> confirmationToken) {
    Messages msg = Messages.of(recipient.language());
    Send send = content.send();
    String siteName = reader.settings().getOrDefault(SiteIdentity.NAME, "ThinkPress");
    // every message says who sends it and where, as bulk-mail rules (CAN-SPAM, the EU's) require
    String address = reader.settings().getOrDefault(SiteIdentity.ADDRESS, "");
    MailingList list = send.listKey() == null ? null : lists.find(send.listKey()).orElse(null);
    String listName = list == null ? null : list.nameIn(msg);
    Taxonomy taxonomy = reader.taxonomy();
    switch (send.kind()) {
      case ALERT -> {
        if (content.alert() == null) {
          return Optional.empty();
        }
        // the version the row names (the recipient's language), else the piece that made the alert
        SendContents.Piece piece = OutboxStore.parseItems(row.items()).stream().map(content.pieces()::get)
            .filter(java.util.Objects::nonNull).findFirst().orElse(content.alert());
        Item item = item(piece, msg, taxonomy);
        String subject = MessageBuilder.oneLine(piece.title());
        Frame frame = frame(msg, subject, siteName, address, send.id(), recipient.id(), listName, true);
        return Optional.of(new Rendered(subject, html("newsletter/alert.jte", new AlertEmail(frame, item)),
            text(frame, List.of(item.kicker(), item.title(), item.standfirst(), item.byline(), item.url())),
            send.listKey(), listName, siteName));
      }
      case DIGEST -> {
        List<Item> items = new ArrayList<>();
        for (Long id : OutboxStore.parseItems(row.items())) {
          SendContents.Piece piece = content.pieces().get(id);
          if (piece != null) {
            items.add(item(piece, msg, taxonomy));
          }
        }
        if (items.isEmpty()) {
          return Optional.empty();
        }
        String subject = msg.format("email.digest.subject", siteName, listName);
        Frame frame = frame(msg, subject, siteName, address, send.id(), recipient.id(), listName, true);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(msg.get("email.digest.intro"));
        for (Item item : items) {
          paragraphs.add(item.title() + "\n" + (item.standfirst().isEmpty() ? "" : item.standfirst() + "\n") + item.url());
        }
        return Optional.of(new Rendered(subject, html("newsletter/digest.jte",
            new DigestEmail(frame, msg.get("email.digest.intro"), items)), text(frame, paragraphs), send.listKey(), listName, siteName));
      }
      case CAMPAIGN -> {
        Frame frame = frame(msg, send.subject(), siteName, address, send.id(), recipient.id(), listName, true);
        String bodyText = PlainText.of(content.campaignHtml());
        return Optional.of(new Rendered(send.subject(), html("newsletter/campaign.jte",
            new CampaignEmail(frame, send.subject(), content.campaignHtml())),
            text(frame, List.of(send.subject(), bodyText)), send.listKey(), listName, siteName));
      }
      case CONFIRMATION -> {
        if (confirmationToken.isPresent()) {
          String subject = msg.format("email.confirm.subject", siteName);
          String url = site.absolute(SubscriberRoutes.confirmPath(confirmationToken.get()));
          Frame frame = frame(msg, subject, siteName, address, send.id(), recipient.id(), null, false);
          return Optional.of(new Rendered(subject, html("newsletter/confirmation.jte", new ConfirmationEmail(frame,
              msg.format("email.confirm.text", siteName), url, msg.get("email.confirm.button"),
              msg.get("email.confirm.ignore"))),
              text(frame, List.of(msg.format("email.confirm.text", siteName), url, msg.get("email.confirm.ignore"))),
              null, null, siteName));
        }
        if (!recipient.status().equals("confirmed") && !recipient.status().equals("paused")) {
          return Optional.empty();
        }
        String subject = msg.format("email.already.subject", siteName);
        Frame frame = frame(msg, subject, siteName, address, send.id(), recipient.id(), null, false);
        String url = preferencesUrl(recipient.id());
        return Optional.of(new Rendered(subject, html("newsletter/confirmation.jte", new ConfirmationEmail(frame,
            msg.format("email.already.text", siteName), url, msg.get("email.preferences"), null)),
            text(frame, List.of(msg.format("email.already.text", siteName), url)), null, null, siteName));
      }
      default -> throw new IllegalStateException("unknown kind " + send.kind());
    }
  }

  private Item item(SendContents.Piece piece, Messages msg, Taxonomy taxonomy) {
    Messages own = Messages.of(piece.language());
    String byline = taxonomy.experts(piece.expertIds()).stream().map(e -> e.nameIn(piece.language()))
        .collect(Collectors.joining(", "));
    return new Item(site.absolute(Urls.publication(piece.slug())), own.typeLabel(piece.type()), piece.title(),
        piece.standfirst(), byline, date(piece, msg));
  }

  private String date(SendContents.Piece piece, Messages msg) {
    if (piece.publishedAt() == null) {
      return "";
    }
    ZoneId zone = site.zone();
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(msg.locale()).format(piece.publishedAt().atZone(zone));
  }

  private String html(String template, Object email) {
    StringOutput output = new StringOutput(8192);
    engine.render(template, Map.of("email", email), output);
    return output.toString();
  }

  private String text(Frame frame, List<String> paragraphs) {
    StringOutput output = new StringOutput(2048);
    List<String> kept = paragraphs.stream().filter(p -> p != null && !p.isBlank()).toList();
    engine.render("newsletter/text.jte", Map.of("email", new TextEmail(frame, kept)), output);
    return output.toString();
  }
}
