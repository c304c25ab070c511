package org.thinkpress.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.LoginRefusedException;
import org.thinkpress.accounts.Role;
import org.thinkpress.app.TestSite;

/** CSRF refusal, the session cookie's attributes, logout, and login over HTTP. */
class CsrfAndSessionTest {

  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.start(Map.of(), false);
    site.app().accounts().create("ed@think.example", "Ed", Role.ADMIN, "a long enough password");
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  AdminClient signedIn() {
    AdminClient client = new AdminClient(site.port());
    assertThat(client.login("ed@think.example", "a long enough password").statusCode()).isEqualTo(303);
    return client;
  }

  @Test
  void aFormWithoutTheTokenIsRefusedAndChangesNothing() {
    AdminClient client = signedIn();
    HttpResponse<String> missing = client.postRaw("/admin/settings", List.of("site_title", "Hijacked"));
    HttpResponse<String> wrong = client.postRaw("/admin/settings", List.of("site_title", "Hijacked",
        "_csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(missing.body()).contains(RequestRefusedException.CSRF);
    assertThat(site.app().contentStore().settings()).doesNotContainEntry("site.title", "Hijacked");

    HttpResponse<String> right = client.post("/admin/settings", "site_title", "The Institute", "site_description", "");
    assertThat(right.statusCode()).isEqualTo(303);
    assertThat(site.app().contentStore().settings()).containsEntry("site.title", "The Institute");
  }

  @Test
  void anotherSessionsTokenDoesNotWork() {
    AdminClient first = signedIn();
    AdminClient second = signedIn();
    assertThat(first.csrf()).isNotEqualTo(second.csrf());

    HttpResponse<String> crossed = first.postRaw("/admin/account/tokens", List.of("name", "x", "_csrf", second.csrf()));
    assertThat(crossed.statusCode()).isEqualTo(403);
  }

  @Test
  void theLoginFormHasItsOwnCsrfCheck() {
    AdminClient client = new AdminClient(site.port());
    HttpResponse<String> forged = client.postRaw("/admin/login", List.of("email", "ed@think.example",
        "password", "a long enough password", "_login", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("tp_session=") && !c.contains("Max-Age=0"));
  }

  @Test
  void theSessionCookieIsHttpOnlyLaxAndSecureOnAnHttpsSite() {
    AdminClient client = new AdminClient(site.port());
    client.get("/admin/login");
    HttpResponse<String> form = client.get("/admin/login");
    String token = form.body().replaceAll("(?s).*name=\"_login\" value=\"([^\"]+)\".*", "$1");
    HttpResponse<String> response = client.postRaw("/admin/login", List.of("_login", token, "email", "ed@think.example",
        "password", "a long enough password"));

    String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tp_session="))
        .findFirst().orElseThrow();
    // TestSite's public address is https://think.example
    assertThat(cookie).matches("tp_session=[A-Za-z0-9_-]{43}; Path=/admin; HttpOnly; SameSite=Lax; Secure");
  }

  @Test
  void aWrongPasswordGets401AndTheSameMessageAsAnUnknownAddress() {
    HttpResponse<String> wrong = new AdminClient(site.port()).login("ed@think.example", "not the password");
    HttpResponse<String> unknown = new AdminClient(site.port()).login("who@think.example", "not the password");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains(LoginRefusedException.WRONG);
    assertThat(unknown.body()).contains(LoginRefusedException.WRONG);
  }

  @Test
  void logoutEndsTheSessionOnTheServer() {
    AdminClient client = signedIn();
    assertThat(client.get("/admin").statusCode()).isEqualTo(200);

    assertThat(client.post("/admin/logout").statusCode()).isEqualTo(303);
    assertThat(client.get("/admin").statusCode()).isEqualTo(303);
  }

  @Test
  void adminPagesAreNeitherCachedNorIndexed() {
    HttpResponse<String> page = signedIn().get("/admin");

    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.headers().firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");
    assertThat(page.body()).contains("<meta name=\"robots\" content=\"noindex, nofollow\">");
    assertThat(site.get("/robots.txt").body()).contains("Disallow: /admin");
  }

  @Test
  void aLoginRedirectGoesOnlyToAnAdminPath() {
    assertThat(AccountHandlers.safeNext("/admin/publications/3")).isEqualTo("/admin/publications/3");
    assertThat(AccountHandlers.safeNext("https://evil.example/admin")).isEqualTo("/admin");
    assertThat(AccountHandlers.safeNext("//evil.example")).isEqualTo("/admin");
    assertThat(AccountHandlers.safeNext("/publications")).isEqualTo("/admin");
  }
}
