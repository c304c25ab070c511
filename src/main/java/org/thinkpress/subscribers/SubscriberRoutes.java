package org.thinkpress.subscribers;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.thinkpress.content.ContentReader;
import org.thinkpress.kit.Messages;
import org.thinkpress.kit.SiteConfig;
import org.thinkpress.kit.Views.Layout;
import org.thinkpress.subscribers.SubscriberViews.ConfirmPage;
import org.thinkpress.subscribers.SubscriberViews.MessagePage;
import org.thinkpress.subscribers.SubscriberViews.PreferencesPage;
import org.thinkpress.subscribers.SubscriberViews.SubscribePage;
import org.thinkpress.subscribers.SubscriberViews.UnsubscribePage;

/**
 * The public sign-up pages. Every answer is {@code no-store}. Routes parse, call one
 * {@link SubscriberService} method, and render.
 *
 * <p>Two guards run in the server before these routes, and are not repeated here: every POST but
 * the RFC 8058 one-click unsubscribe ({@link #SAME_ORIGIN_POSTS}) must come from the site itself
 * (a check of {@code Sec-Fetch-Site} and {@code Origin}, as the forms have no session to carry a
 * token), and sign-ups ({@code POST /subscribe}) are limited per client network
 * ({@link SubscriberSettings#perNetworkPer10Minutes()}), refused with {@link #tooManySignUps}.
 *
 * <ul>
 * <li>{@code GET /subscribe}, {@code POST /subscribe}: sign up (also the footer form's target);
 *     a valid request is answered by a redirect to {@code /subscribe/sent}, whatever the address.</li>
 * <li>{@code GET|POST /subscribe/confirm/TOKEN}: the confirmation link; the POST confirms.</li>
 * <li>{@code GET|POST /subscription/TOKEN}: preferences; {@code POST /subscription/TOKEN/unsubscribe}.</li>
 * <li>{@code GET|POST /unsubscribe/TOKEN}: the {@code List-Unsubscribe} link; a POST (one click,
 *     from a mail client) unsubscribes at once.</li>
 * </ul>
 */
public final class SubscriberRoutes {

  public static final String SUBSCRIBE = "/subscribe";
  public static final String SENT = "/subscribe/sent";
  public static final String CONFIRM = "/subscribe/confirm/";
  public static final String PREFERENCES = "/subscription/";
  public static final String UNSUBSCRIBE = "/unsubscribe/";
  static final String HONEYPOT = "website";
  /**
   * The paths whose POSTs must come from the site: {@code /subscribe} itself and what lies under
   * the confirmation and preferences paths (a path ending in {@code /} stands for those under it).
   * Not {@link #UNSUBSCRIBE}: a mail client's one-click POST comes from no site.
   */
  public static final List<String> SAME_ORIGIN_POSTS = List.of(SUBSCRIBE, CONFIRM, PREFERENCES);

  private final SubscriberService service;
  private final SubscriberPages pages;

  /**
   * Gives the subscription pages the site's layout (head, navigation, footer); {@code indexable}
   * is false for every page but the sign-up form itself.
   */
  @FunctionalInterface
  public interface Layouts {
    Layout layout(String title, String path, boolean indexable);
  }

  public SubscriberRoutes(SubscriberService service, ContentReader reader, SiteConfig site, Layouts layouts) {
    this.service = requireNonNull(service, "service");
    this.pages = new SubscriberPages(reader, site, layouts, service.lists());
  }

  /** The path of a subscriber's preferences page. */
  public static String preferencesPath(String token) {
    return PREFERENCES + token;
  }

  public static String unsubscribePath(String token) {
    return UNSUBSCRIBE + token;
  }

  public static String confirmPath(String token) {
    return CONFIRM + token;
  }

  public void register(RoutesConfig routes) {
    routes.get(SUBSCRIBE, ctx -> subscribePage(ctx, 200, "", "", List.of(), true, List.of(), List.of(),
        ctx.queryParam("language"), null));
    routes.post(SUBSCRIBE, this::subscribe);
    routes.get(SENT, ctx -> message(ctx, 200, "subscribe.sent.title", "subscribe.sent.text", null, null));
    routes.get(CONFIRM + "{token}", this::confirmPage);
    routes.post(CONFIRM + "{token}", this::confirm);
    routes.get(PREFERENCES + "{token}", ctx -> preferencesPage(ctx, 200, service.preferences(token(ctx)), null, null));
    routes.post(PREFERENCES + "{token}", this::savePreferences);
    routes.post(PREFERENCES + "{token}/unsubscribe", ctx -> unsubscribe(ctx, SubscriberService.PREFERENCES_PAGE));
    routes.get(UNSUBSCRIBE + "{token}", ctx -> {
      Subscriber subscriber = service.preferences(token(ctx));
      render(ctx, 200, "subscribers/unsubscribe.jte", pages.msg().get("unsubscribe.title"), UNSUBSCRIBE,
          new UnsubscribePage(UNSUBSCRIBE + token(ctx), subscriber.email()));
    });
    // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" with no cookie and no origin;
    // the signed token is the authority.
    routes.post(UNSUBSCRIBE + "{token}", ctx -> unsubscribe(ctx, "One-Click".equals(ctx.formParam("List-Unsubscribe"))
        ? SubscriberService.ONE_CLICK : SubscriberService.UNSUBSCRIBE_LINK));
    routes.exception(InvalidLinkException.class, (e, ctx) -> linkProblem(ctx, e));
  }

  /** The answer to a sign-up refused because its network sent too many: a 429 page in the site's design. */
  public void tooManySignUps(Context ctx) {
    message(ctx, 429, "subscribe.limited.title", "subscribe.limited.text", null, null);
  }

  private void subscribe(Context ctx) {
    String email = field(ctx, "email", 600);
    String name = field(ctx, "name", 400);
    List<String> lists = ctx.formParams("list");
    List<String> topics = ctx.formParams("topic");
    List<String> regions = ctx.formParams("region");
    boolean everything = "yes".equals(ctx.formParam("everything"));
    if (lists.size() > 50 || topics.size() > 500 || regions.size() > 500) {
      throw new InvalidSubscriptionException("too many choices");
    }
    if (!field(ctx, HONEYPOT, 600).isEmpty()) {
      ctx.redirect(SENT, io.javalin.http.HttpStatus.SEE_OTHER); // a bot: same answer, nothing done
      return;
    }
    boolean fromPage = "page".equals(ctx.formParam("source"));
    // the page's language (the footer form) or the one chosen (the sign-up page): the language preference
    String language = SubscriberService.languageTag(field(ctx, "language", 40)).orElse(pages.msg().language());
    if (fromPage && lists.isEmpty()) {
      subscribePage(ctx, 400, email, name, lists, everything, topics, regions, language,
          pages.msg().get("subscribe.error.lists"));
      return;
    }
    String consent = "web form " + (fromPage ? SUBSCRIBE : "footer") + ", confirmed by email";
    try {
      service.subscribe(new SubscribeRequest(email, name, language, lists, topics, regions, everything, consent));
    } catch (InvalidSubscriptionException e) {
      subscribePage(ctx, 400, email, name, lists, everything, topics, regions, language, e.getMessage());
      return;
    }
    ctx.redirect(SENT, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void subscribePage(Context ctx, int status, String email, String name, List<String> lists, boolean everything,
                             List<String> topics, List<String> regions, String language, String error) {
    List<String> ticked = lists.isEmpty() && error == null ? List.of(service.lists().first().key()) : lists;
    String chosen = SubscriberService.languageTag(language).orElse(pages.msg().language());
    SubscribePage page = new SubscribePage(email, name, pages.choicesFromSlugs(ticked, everything, topics, regions),
        error == null ? null : pages.msg().format("subscribe.error", error), pages.languages(service.languages(), chosen));
    // the sign-up page is one readers look for; shown again with an error, it is not
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    ctx.header("Content-Type", "text/html; charset=utf-8");
    ctx.result(pages.render("subscribers/subscribe.jte", pages.msg().get("subscribe.title"), SUBSCRIBE, page,
        status == 200 && error == null));
  }

  private void confirmPage(Context ctx) {
    service.checkConfirmation(token(ctx));
    render(ctx, 200, "subscribers/confirm.jte", pages.msg().get("confirm.title"), CONFIRM,
        new ConfirmPage(CONFIRM + token(ctx)));
  }

  private void confirm(Context ctx) {
    Subscriber subscriber = service.confirm(token(ctx));
    message(ctx, 200, "confirm.done.title", "confirm.done.text",
        preferencesPath(service.tokens().preferences(subscriber.id())), "confirm.done.link");
  }

  private void preferencesPage(Context ctx, int status, Subscriber subscriber, String notice, String error) {
    String token = token(ctx);
    Messages msg = pages.msg();
    PreferencesPage page = new PreferencesPage(PREFERENCES + token, PREFERENCES + token + "/unsubscribe",
        subscriber.email(), subscriber.name(), pages.choices(subscriber.lists(), subscriber.everything(),
        subscriber.topicIds(), subscriber.regionIds()), pages.languages(service.languages(), subscriber.language()),
        subscriber.status() == SubscriberStatus.PAUSED,
        msg.get("preferences.status." + subscriber.status().key()), notice, error);
    render(ctx, status, "subscribers/preferences.jte", msg.get("preferences.title"), PREFERENCES, page);
  }

  private void savePreferences(Context ctx) {
    String token = token(ctx);
    Preferences preferences = new Preferences(field(ctx, "name", 400), ctx.formParams("list"), ctx.formParams("topic"),
        ctx.formParams("region"), "yes".equals(ctx.formParam("everything")), "yes".equals(ctx.formParam("paused")),
        field(ctx, "language", 40));
    try {
      Subscriber saved = service.updatePreferences(token, preferences);
      preferencesPage(ctx, 200, saved, pages.msg().get("preferences.saved"), null);
    } catch (InvalidSubscriptionException e) {
      preferencesPage(ctx, 400, service.preferences(token), null, pages.msg().format("subscribe.error", e.getMessage()));
    }
  }

  private void unsubscribe(Context ctx, String how) {
    service.unsubscribe(token(ctx), how);
    message(ctx, 200, "unsubscribe.done.title", "unsubscribe.done.text",
        preferencesPath(token(ctx)), "unsubscribe.done.link");
  }

  private void linkProblem(Context ctx, InvalidLinkException e) {
    String reason = e.reason().name().toLowerCase(java.util.Locale.ROOT);
    // 400 for a link we did not sign (the site's 404 page would say less), 410 for one that was ours
    int status = e.reason() == InvalidLinkException.Reason.TAMPERED ? 400 : 410;
    message(ctx, status, "link." + reason + ".title", "link." + reason + ".text", SUBSCRIBE, "link.subscribe");
  }

  private void message(Context ctx, int status, String titleKey, String textKey, String href, String labelKey) {
    Messages msg = pages.msg();
    render(ctx, status, "subscribers/message.jte", msg.get(titleKey), SUBSCRIBE,
        new MessagePage(msg.get(titleKey), msg.get(textKey), href, labelKey == null ? null : msg.get(labelKey)));
  }

  private void render(Context ctx, int status, String template, String title, String path, Object page) {
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    ctx.header("Content-Type", "text/html; charset=utf-8");
    ctx.result(pages.render(template, title, path, page, false));
  }

  private static String token(Context ctx) {
    String token = ctx.pathParam("token");
    if (token.length() > 200 || !token.matches("[A-Za-z0-9._-]+")) {
      throw new InvalidLinkException(InvalidLinkException.Reason.TAMPERED);
    }
    return token;
  }

  private static String field(Context ctx, String name, int maxLength) {
    String value = ctx.formParam(name);
    if (value == null) {
      return "";
    }
    if (value.length() > maxLength) {
      throw new InvalidSubscriptionException("the field '" + name + "' is too long");
    }
    return value;
  }
}
