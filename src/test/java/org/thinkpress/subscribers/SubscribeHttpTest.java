package org.thinkpress.subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thinkpress.testing.Eventually.eventually;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.thinkpress.app.TestSite;
import org.thinkpress.site.NuHtmlChecker;

/** The sign-up pages over real HTTP, with the messages caught by a real SMTP server (GreenMail). */
class SubscribeHttpTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  static TestSite site;
  static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() {
    site = TestSite.start(Map.of("mail.smtp.host", "127.0.0.1", "mail.smtp.port",
        Integer.toString(greenMail.getSmtp().getPort()), "mail.smtp.security", "none"), true);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @BeforeEach
  void emptyMailboxes() throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
  }

  static HttpResponse<String> post(String path, Map<String, List<String>> form, String... headers) {
    StringBuilder body = new StringBuilder();
    form.forEach((name, values) -> values.forEach(value -> body.append(body.length() == 0 ? "" : "&")
        .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(site.uri(path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
      if (headers.length > 0) {
        request.headers(headers);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Map<String, List<String>> form(String... pairs) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return form;
  }

  static SubscriberService subscribers() {
    return site.app().subscribers();
  }

  /** The one message that arrives for {@code email}. */
  static MimeMessage messageFor(String email) throws Exception {
    return messagesFor(email, 1).get(0);
  }

  static String link(MimeMessage message, String pathPrefix) {
    Matcher matcher = Pattern.compile(Pattern.quote(TestSite.BASE_URL + pathPrefix) + "[A-Za-z0-9._-]+")
        .matcher(GreenMailUtil.getBody(message));
    assertThat(matcher.find()).as("a link to " + pathPrefix).isTrue();
    return matcher.group().substring(TestSite.BASE_URL.length());
  }

  static String h1(HttpResponse<String> response) {
    return Jsoup.parse(response.body()).select("h1").text();
  }

  @Test
  void theWholeDoubleOptInFlow() throws Exception {
    HttpResponse<String> answer = post("/subscribe", form("email", "Reader.One@Example.org", "name", "Reader One",
        "source", "page", "list", "weekly-digest", "topic", "energy", "region", "south-caucasus"));
    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location")).hasValue("/subscribe/sent");
    assertThat(h1(site.get("/subscribe/sent"))).isEqualTo("Check your inbox");

    MimeMessage confirmation = messageFor("reader.one@example.org");
    assertThat(confirmation.getSubject()).isEqualTo("Confirm your subscription to The Meridian Institute");
    Subscriber pending = subscribers().find("reader.one@example.org").orElseThrow();
    assertThat(pending.status()).isEqualTo(SubscriberStatus.PENDING);
    assertThat(pending.lists()).containsExactly("weekly-digest");

    // Until confirmed, nothing else arrives: a campaign to the list leaves the address out.
    assertThat(site.app().newsletterService().sendCampaign("News", "Hello.", List.of("weekly-digest"), List.of("energy"),
        List.of()).total()).isZero();

    String confirm = link(confirmation, "/subscribe/confirm/");
    HttpResponse<String> page = site.get(confirm);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(page.body()).select("form[method=post]").attr("action")).isEqualTo(confirm);
    assertThat(subscribers().find("reader.one@example.org").orElseThrow().status()).isEqualTo(SubscriberStatus.PENDING);

    HttpResponse<String> confirmed = post(confirm, form(), "Origin", TestSite.BASE_URL);
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(h1(confirmed)).isEqualTo("You are subscribed");
    assertThat(subscribers().find("reader.one@example.org").orElseThrow().status()).isEqualTo(SubscriberStatus.CONFIRMED);

    // The same link a second time: used.
    HttpResponse<String> again = post(confirm, form());
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(h1(again)).isEqualTo("This link was already used");
    assertThat(h1(site.get(confirm))).isEqualTo("This link was already used");

    assertThat(site.app().newsletterService().sendCampaign("News", "Hello.", List.of("weekly-digest"), List.of("energy"),
        List.of()).total()).isEqualTo(1);
    assertThat(GreenMailUtil.getBody(waitForSecondMessage("reader.one@example.org"))).contains("Hello.");
  }

  static MimeMessage waitForSecondMessage(String email) throws Exception {
    return messagesFor(email, 2).get(1);
  }

  /** The messages for {@code email} once there are at least {@code count}, waiting at most 10 s. */
  static List<MimeMessage> messagesFor(String email, int count) {
    return eventually(count + " message(s) for " + email, Duration.ofSeconds(10), () -> {
      List<MimeMessage> theirs = new ArrayList<>();
      for (MimeMessage message : greenMail.getReceivedMessages()) {
        if (message.getAllRecipients()[0].toString().contains(email)) {
          theirs.add(message);
        }
      }
      return theirs;
    }, theirs -> theirs.size() >= count);
  }

  @Test
  void theAnswerIsTheSameForNewAndExistingAddresses() throws Exception {
    HttpResponse<String> first = post("/subscribe", form("email", "same@example.org", "source", "footer"));
    messageFor("same@example.org");
    subscribers().confirm(link(messageFor("same@example.org"), "/subscribe/confirm/").substring("/subscribe/confirm/".length()));
    HttpResponse<String> existing = post("/subscribe", form("email", "same@example.org", "source", "footer"));
    HttpResponse<String> fresh = post("/subscribe", form("email", "fresh@example.org", "source", "footer"));

    for (HttpResponse<String> response : List.of(existing, fresh)) {
      assertThat(response.statusCode()).isEqualTo(first.statusCode()).isEqualTo(303);
      assertThat(response.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
      assertThat(response.body()).isEqualTo(first.body());
    }
  }

  @Test
  void aTamperedLinkIsRefusedAndRevealsNothing() {
    HttpResponse<String> tampered = site.get("/subscribe/confirm/c.1.9999999999.00ff.AAAAAAAAAAAAAAAAAAAAAA");
    assertThat(tampered.statusCode()).isEqualTo(400);
    assertThat(h1(tampered)).isEqualTo("This link does not work");
    String good = subscribers().tokens().preferences(1);
    String otherSubscriber = good.replaceFirst("^p\\.1\\.", "p.2.");
    assertThat(site.get("/subscription/" + otherSubscriber).statusCode()).isEqualTo(400);
    assertThat(site.get("/subscription/" + good.substring(0, good.length() - 1) + "x").statusCode()).isEqualTo(400);
    assertThat(h1(site.get("/subscription/%3Cscript%3E"))).isEqualTo("This link does not work");
  }

  @Test
  void oneClickUnsubscribeWorksWithAPostFromAMailClient() throws Exception {
    post("/subscribe", form("email", "leaver@example.org", "source", "footer"));
    subscribers().confirm(link(messageFor("leaver@example.org"), "/subscribe/confirm/").substring("/subscribe/confirm/".length()));
    MimeMessage campaign;
    site.app().newsletterService().sendCampaign("News", "Hello.", List.of("new-publications"), List.of(), List.of());
    campaign = waitForSecondMessage("leaver@example.org");
    String header = campaign.getHeader("List-Unsubscribe")[0];
    String url = header.substring(1, header.indexOf('>'));
    assertThat(url).startsWith(TestSite.BASE_URL + "/unsubscribe/");
    assertThat(campaign.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

    // The "view in browser" link shows the same message, with a policy that allows its inline styles only.
    String view = link(campaign, "/email/");
    HttpResponse<String> inBrowser = site.get(view);
    assertThat(inBrowser.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(inBrowser.body()).select("td").text()).contains("Hello.");
    assertThat(inBrowser.headers().firstValue("Content-Security-Policy")).hasValue(
        "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'");
    assertThat(site.get(view.substring(0, view.length() - 2) + "xx").statusCode()).isEqualTo(400);

    // RFC 8058: a POST with this body, no cookie, no Origin; the GET only shows a button.
    String path = url.substring(TestSite.BASE_URL.length());
    assertThat(h1(site.get(path))).isEqualTo("Unsubscribe");
    assertThat(subscribers().find("leaver@example.org").orElseThrow().status()).isEqualTo(SubscriberStatus.CONFIRMED);
    HttpResponse<String> done = post(path, form("List-Unsubscribe", "One-Click"));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(h1(done)).isEqualTo("You are unsubscribed");
    assertThat(subscribers().find("leaver@example.org").orElseThrow().status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    assertThat(subscribers().find("leaver@example.org").orElseThrow().unsubscribeReason())
        .isEqualTo(SubscriberService.ONE_CLICK);
  }

  // --- the language preference ---------------------------------------------------------------

  @Test
  void aSignUpTakesThePagesLanguageAndTheSignUpPageOffersTheSitesLanguages() {
    String russianPiece = site.app().database().jdbi().withHandle(h -> h.createQuery("SELECT slug FROM publications"
        + " WHERE language = 'ru' AND status = 'published' ORDER BY id LIMIT 1").mapTo(String.class).one());
    org.jsoup.nodes.Document piece = Jsoup.parse(site.get("/publications/" + russianPiece).body());
    assertThat(piece.select("form.footer-subscribe input[name=language]").val()).isEqualTo("ru");
    assertThat(piece.select("form.footer-subscribe a[href^=/subscribe]").attr("href")).isEqualTo("/subscribe?language=ru");

    post("/subscribe", form("email", "footer.ru@example.org", "source", "footer", "language", "ru"));
    org.jsoup.nodes.Document page = Jsoup.parse(site.get("/subscribe?language=ru").body());
    assertThat(page.select("select#subscribe-language option").eachAttr("value")).containsExactly("en", "hy", "ru");
    assertThat(page.select("select#subscribe-language option[selected]").val()).isEqualTo("ru");
    assertThat(page.select("label[for=subscribe-language]").text()).isEqualTo("Language of your emails");
    post("/subscribe", form("email", "page.hy@example.org", "source", "page", "list", "new-publications",
        "language", "hy"));
    post("/subscribe", form("email", "odd@example.org", "source", "footer", "language", "<script>"));

    assertThat(subscribers().find("footer.ru@example.org").orElseThrow().language()).isEqualTo("ru");
    assertThat(subscribers().find("page.hy@example.org").orElseThrow().language()).isEqualTo("hy");
    assertThat(subscribers().find("odd@example.org").orElseThrow().language()).isEqualTo("en");
  }

  @Test
  void thePreferencesPageShowsAndChangesTheLanguagePreference() throws Exception {
    post("/subscribe", form("email", "polyglot@example.org", "source", "footer", "language", "en"));
    String token = site.app().subscribers().tokens().preferences(subscribers().find("polyglot@example.org").orElseThrow().id());
    String path = "/subscription/" + token;
    assertThat(Jsoup.parse(site.get(path).body()).select("select#subscribe-language option[selected]").val())
        .isEqualTo("en");

    HttpResponse<String> saved = post(path, form("list", "new-publications", "everything", "yes", "language", "ru"),
        "Origin", TestSite.BASE_URL);
    HttpResponse<String> refused = post(path, form("list", "new-publications", "language", "not a language"),
        "Origin", TestSite.BASE_URL);

    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(saved.body()).select("select#subscribe-language option[selected]").val()).isEqualTo("ru");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text())
        .contains("language 'not a language' is not a language tag such as en or ru");
    assertThat(subscribers().find("polyglot@example.org").orElseThrow().language()).isEqualTo("ru");
  }

  @Test
  void headerInjectionAndMalformedAddressesAreRefusedAndNothingIsStoredOrSent() {
    List<String> attempts = List.of("victim@example.org\r\nBcc: many@example.org", "victim@example.org\nBcc:x@y.org",
        "victim@example.org, other@example.org", "Victim <victim@example.org>", "\"a b\"@example.org",
        "victim@example.org\u0000", "no-at-sign.example.org", "x".repeat(250) + "@example.org", "victim@localhost");
    for (String attempt : attempts) {
      HttpResponse<String> response = post("/subscribe", form("email", attempt, "source", "page", "list", "new-publications"));
      assertThat(response.statusCode()).as(attempt).isEqualTo(400);
      assertThat(Jsoup.parse(response.body()).select("[role=alert]").text()).as(attempt).startsWith("Please check the form:");
    }
    HttpResponse<String> name = post("/subscribe", form("email", "ok@example.org", "name", "Eve\r\nBcc: x@y.org",
        "source", "footer"));
    assertThat(name.statusCode()).isEqualTo(400);
    assertThat(subscribers().search(SubscriberQuery.text("victim"))).isEmpty();
    assertThat(subscribers().find("ok@example.org")).isEmpty();
    assertThat(subscribers().search(SubscriberQuery.text("many@"))).isEmpty();
  }

  @Test
  void aFilledHoneypotGetsTheSameAnswerAndNothingHappens() {
    HttpResponse<String> response = post("/subscribe", form("email", "bot@example.org", "website", "http://spam.example",
        "source", "footer"));
    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValue("/subscribe/sent");
    assertThat(subscribers().find("bot@example.org")).isEmpty();
  }

  @Test
  void aFormPostedFromAnotherSiteIsRefused() {
    assertThat(post("/subscribe", form("email", "csrf@example.org"), "Origin", "https://evil.example").statusCode())
        .isEqualTo(403);
    assertThat(post("/subscribe", form("email", "csrf@example.org"), "Sec-Fetch-Site", "cross-site").statusCode())
        .isEqualTo(403);
    assertThat(subscribers().find("csrf@example.org")).isEmpty();
    assertThat(post("/subscribe", form("email", "csrf@example.org"), "Sec-Fetch-Site", "same-origin").statusCode())
        .isEqualTo(303);
  }

  @Test
  void thePreferencesPageChangesInterestsAndPauses() {
    post("/subscribe", form("email", "prefs@example.org", "source", "footer"));
    Subscriber subscriber = subscribers().find("prefs@example.org").orElseThrow();
    String path = "/subscription/" + subscribers().tokens().preferences(subscriber.id());
    HttpResponse<String> page = site.get(path);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");

    HttpResponse<String> saved = post(path, form("name", "Pat", "list", "weekly-digest", "topic", "energy", "paused", "yes"),
        "Origin", TestSite.BASE_URL);
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(saved.body()).select("[role=status]").text()).isEqualTo("Your choices are saved.");
    Subscriber after = subscribers().find("prefs@example.org").orElseThrow();
    assertThat(after.status()).isEqualTo(SubscriberStatus.PAUSED);
    assertThat(after.lists()).containsExactly("weekly-digest");
    assertThat(after.everything()).isFalse();
    assertThat(after.name()).isEqualTo("Pat");
  }

  @Test
  void everySignUpPageIsValidHtml() throws Exception {
    post("/subscribe", form("email", "valid@example.org", "source", "footer"));
    Subscriber subscriber = subscribers().find("valid@example.org").orElseThrow();
    String token = subscribers().tokens().preferences(subscriber.id());
    String confirm = link(messageFor("valid@example.org"), "/subscribe/confirm/");
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("/subscribe", site.get("/subscribe").body());
    pages.put("/subscribe (error)", post("/subscribe", form("email", "bad", "source", "page", "list", "new-publications")).body());
    pages.put("/subscribe/sent", site.get("/subscribe/sent").body());
    pages.put("confirm", site.get(confirm).body());
    pages.put("preferences", site.get("/subscription/" + token).body());
    pages.put("unsubscribe", site.get("/unsubscribe/" + token).body());
    pages.put("tampered", site.get("/subscription/p.1.x").body());
    pages.put("home with the footer form", site.get("/").body());

    Map<String, List<String>> problems = NuHtmlChecker.check(pages);

    problems.values().removeIf(List::isEmpty);
    assertThat(problems).isEmpty();
    for (String body : pages.values()) {
      assertThat(Jsoup.parse(body).select("h1")).hasSize(1);
      assertThat(Jsoup.parse(body).select("[style]")).isEmpty();
    }
  }

  @Test
  void onlyTheSignUpPageItselfIsForSearchEngines() {
    assertThat(Jsoup.parse(site.get("/subscribe").body()).select("meta[name=robots]")).isEmpty();
    String error = post("/subscribe", form("email", "bad", "source", "page", "list", "new-publications")).body();
    assertThat(Jsoup.parse(error).select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(Jsoup.parse(site.get("/subscribe/sent").body()).select("meta[name=robots]").attr("content"))
        .isEqualTo("noindex");
  }
}
