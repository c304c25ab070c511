package org.thinkpress.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thinkpress.accounts.Account;
import org.thinkpress.accounts.ApiTokens;
import org.thinkpress.accounts.Role;
import org.thinkpress.accounts.SessionStore;
import org.thinkpress.app.TestSite;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.Status;
import org.thinkpress.publishing.Action;
import org.thinkpress.publishing.Actor;
import org.thinkpress.publishing.PreviewLinks;
import org.thinkpress.publishing.Workflow;

/**
 * Route × role → status, for every route the admin registers: anonymous, author, editor, admin.
 * Requests are harmless (invalid forms, unknown names) so that the order does not matter; the
 * status shows how far each got: 303 to the login page, 401 without a token, 403 below the route's
 * role, 404 for another's piece, then what the handler answers. The piece, its revision and its
 * preview link belong to the editor, so the author meets them as strangers. Subscribers (personal
 * data) are for admins only; sends and campaigns for editors and admins.
 */
class RoleAccessTest {

  /**
   * METHOD route-as-registered | concrete path | anonymous author editor admin | body (API JSON).
   * "{piece}", "{revision}", "{link}" are filled in; {@code -} in the body column means none.
   */
  static final String TABLE = """
      GET  /admin/login                                         | /admin/login                                   | 200 303 303 303
      POST /admin/login                                         | /admin/login                                   | 403 403 403 403
      GET  /preview/{token}                                     | /preview/not-a-token                           | 404 404 404 404
      GET  /media/{file}                                        | /media/0123456789abcdef0123456789abcdef.png    | 404 404 404 404
      POST /admin/logout                                        | /admin/logout                                  | 303 303 303 303
      GET  /admin/account                                       | /admin/account                                 | 303 200 200 200
      POST /admin/account/password                              | /admin/account/password                        | 303 400 400 400
      POST /admin/account/tokens                                | /admin/account/tokens                          | 303 400 400 400
      POST /admin/account/tokens/{token}/revoke                 | /admin/account/tokens/999/revoke               | 303 303 303 303
      GET  /admin/accounts                                      | /admin/accounts                                | 303 403 403 200
      POST /admin/accounts                                      | /admin/accounts                                | 303 403 403 400
      POST /admin/accounts/{account}                            | /admin/accounts/1                              | 303 403 403 400
      GET  /admin/settings                                      | /admin/settings                                | 303 403 403 200
      POST /admin/settings                                      | /admin/settings                                | 303 403 403 400
      GET  /admin                                               | /admin                                         | 303 200 200 200
      GET  /admin/publications/new                              | /admin/publications/new                        | 303 200 200 200
      GET  /admin/pages                                         | /admin/pages                                   | 303 200 200 200
      GET  /admin/pages/new                                     | /admin/pages/new                               | 303 200 200 200
      POST /admin/publications                                  | /admin/publications                            | 303 400 400 400
      GET  /admin/publications/{id}                             | /admin/publications/{piece}                    | 303 404 200 200
      POST /admin/publications/{id}                             | /admin/publications/{piece}                    | 303 404 400 400
      GET  /admin/publications/{id}/preview                     | /admin/publications/{piece}/preview            | 303 404 200 200
      GET  /admin/publications/{id}/revisions                   | /admin/publications/{piece}/revisions          | 303 404 200 200
      GET  /admin/publications/{id}/diff                        | /admin/publications/{piece}/diff?from={revision}&to={revision} | 303 404 200 200
      POST /admin/publications/{id}/revisions/{revision}/restore | /admin/publications/{piece}/revisions/{revision}/restore | 303 404 409 409
      POST /admin/publications/{id}/preview-links               | /admin/publications/{piece}/preview-links      | 303 404 200 200
      POST /admin/publications/{id}/preview-links/{link}/revoke | /admin/publications/{piece}/preview-links/{link}/revoke | 303 404 303 303
      POST /admin/preview                                       | /admin/preview                                 | 303 200 200 200
      GET  /admin/uploads                                       | /admin/uploads                                 | 303 200 200 200
      POST /admin/uploads                                       | /admin/uploads                                 | 303 400 400 400
      GET  /admin/experts                                       | /admin/experts                                 | 303 403 200 200
      POST /admin/experts                                       | /admin/experts                                 | 303 403 400 400
      GET  /admin/experts/{slug}                                | /admin/experts/irina-moraru                    | 303 403 200 200
      POST /admin/experts/{slug}                                | /admin/experts/irina-moraru                    | 303 403 400 400
      POST /admin/experts/{slug}/rename                         | /admin/experts/irina-moraru/rename             | 303 403 400 400
      POST /admin/experts/{slug}/merge                          | /admin/experts/irina-moraru/merge              | 303 403 404 404
      POST /admin/experts/{slug}/delete                         | /admin/experts/irina-moraru/delete             | 303 403 400 400
      GET  /admin/topics                                        | /admin/topics                                  | 303 403 200 200
      POST /admin/topics                                        | /admin/topics                                  | 303 403 400 400
      GET  /admin/topics/{slug}                                 | /admin/topics/energy                           | 303 403 200 200
      POST /admin/topics/{slug}                                 | /admin/topics/energy                           | 303 403 400 400
      POST /admin/topics/{slug}/rename                          | /admin/topics/energy/rename                    | 303 403 400 400
      POST /admin/topics/{slug}/merge                           | /admin/topics/energy/merge                     | 303 403 404 404
      POST /admin/topics/{slug}/delete                          | /admin/topics/energy/delete                    | 303 403 400 400
      GET  /admin/regions                                       | /admin/regions                                 | 303 403 200 200
      POST /admin/regions                                       | /admin/regions                                 | 303 403 400 400
      GET  /admin/regions/{slug}                                | /admin/regions/armenia                         | 303 403 200 200
      POST /admin/regions/{slug}                                | /admin/regions/armenia                         | 303 403 400 400
      POST /admin/regions/{slug}/rename                         | /admin/regions/armenia/rename                  | 303 403 400 400
      POST /admin/regions/{slug}/merge                          | /admin/regions/armenia/merge                   | 303 403 404 404
      POST /admin/regions/{slug}/delete                         | /admin/regions/armenia/delete                  | 303 403 400 400
      GET  /admin/subscribers                                   | /admin/subscribers                             | 303 403 403 200
      GET  /admin/subscribers/import                            | /admin/subscribers/import                      | 303 403 403 200
      POST /admin/subscribers/import                            | /admin/subscribers/import                      | 303 403 403 400
      GET  /admin/subscribers/export.csv                        | /admin/subscribers/export.csv                  | 303 403 403 200
      GET  /admin/subscribers/{id}                              | /admin/subscribers/{subscriber}                | 303 403 403 200
      POST /admin/subscribers/{id}/suppress                     | /admin/subscribers/999999/suppress             | 303 403 403 404
      GET  /admin/subscribers/{id}/erase                        | /admin/subscribers/{subscriber}/erase          | 303 403 403 200
      POST /admin/subscribers/{id}/erase                        | /admin/subscribers/999999/erase                | 303 403 403 404
      GET  /admin/sends                                         | /admin/sends                                   | 303 403 200 200
      GET  /admin/redirects                                     | /admin/redirects                               | 303 403 200 200
      GET  /admin/redirects.csv                                 | /admin/redirects.csv                           | 303 403 200 200
      GET  /admin/sends/{id}                                    | /admin/sends/{send}                            | 303 403 200 200
      GET  /admin/sends/{id}/progress                           | /admin/sends/{send}/progress                   | 303 403 200 200
      POST /admin/sends/{id}/retry                              | /admin/sends/{send}/retry                      | 303 403 303 303
      GET  /admin/campaigns/new                                 | /admin/campaigns/new                           | 303 403 200 200
      POST /admin/campaigns/confirm                             | /admin/campaigns/confirm                       | 303 403 400 400
      POST /admin/campaigns/edit                                | /admin/campaigns/edit                          | 303 403 200 200
      POST /admin/campaigns                                     | /admin/campaigns                               | 303 403 400 400
      GET  /admin/api/me                                        | /admin/api/me                                  | 401 200 200 200 | -
      GET  /admin/api/publications                              | /admin/api/publications                        | 401 200 200 200 | -
      POST /admin/api/publications                              | /admin/api/publications                        | 401 400 400 400 | {}
      GET  /admin/api/publications/{id}                         | /admin/api/publications/{piece}                | 401 404 200 200 | -
      PUT  /admin/api/publications/{id}                         | /admin/api/publications/{piece}                | 401 404 400 400 | {}
      POST /admin/api/publications/{id}/actions/{action}        | /admin/api/publications/{piece}/actions/publish | 401 404 400 400 | {}
      GET  /admin/api/publications/{id}/revisions               | /admin/api/publications/{piece}/revisions      | 401 404 200 200 | -
      GET  /admin/api/publications/{id}/revisions/{revision}    | /admin/api/publications/{piece}/revisions/{revision} | 401 404 200 200 | -
      POST /admin/api/publications/{id}/revisions/{revision}/restore | /admin/api/publications/{piece}/revisions/{revision}/restore | 401 404 400 400 | {}
      GET  /admin/api/publications/{id}/diff                    | /admin/api/publications/{piece}/diff?from={revision}&to={revision} | 401 404 200 200 | -
      GET  /admin/api/publications/{id}/preview-links           | /admin/api/publications/{piece}/preview-links  | 401 404 200 200 | -
      POST /admin/api/publications/{id}/preview-links           | /admin/api/publications/{piece}/preview-links  | 401 404 201 201 | {}
      DELETE /admin/api/publications/{id}/preview-links/{link}  | /admin/api/publications/{piece}/preview-links/{link} | 401 404 200 200 | -
      POST /admin/api/preview                                   | /admin/api/preview                             | 401 200 200 200 | {"body": "# Hi"}
      POST /admin/api/uploads                                   | /admin/api/uploads                             | 401 400 400 400 | not an image
      GET  /admin/api/experts                                   | /admin/api/experts                             | 401 403 200 200 | -
      PUT  /admin/api/experts/{slug}                            | /admin/api/experts/irina-moraru                | 401 403 200 200 | {}
      POST /admin/api/experts/{slug}/rename                     | /admin/api/experts/irina-moraru/rename         | 401 403 400 400 | {}
      POST /admin/api/experts/{slug}/merge                      | /admin/api/experts/irina-moraru/merge          | 401 403 400 400 | {"into": "irina-moraru"}
      DELETE /admin/api/experts/{slug}                          | /admin/api/experts/irina-moraru                | 401 403 400 400 | -
      GET  /admin/api/topics                                    | /admin/api/topics                              | 401 403 200 200 | -
      PUT  /admin/api/topics/{slug}                             | /admin/api/topics/energy                       | 401 403 200 200 | {}
      POST /admin/api/topics/{slug}/rename                      | /admin/api/topics/energy/rename                | 401 403 400 400 | {}
      POST /admin/api/topics/{slug}/merge                       | /admin/api/topics/energy/merge                 | 401 403 400 400 | {"into": "energy"}
      DELETE /admin/api/topics/{slug}                           | /admin/api/topics/energy                       | 401 403 400 400 | -
      GET  /admin/api/regions                                   | /admin/api/regions                             | 401 403 200 200 | -
      PUT  /admin/api/regions/{slug}                            | /admin/api/regions/armenia                     | 401 403 200 200 | {}
      POST /admin/api/regions/{slug}/rename                     | /admin/api/regions/armenia/rename              | 401 403 400 400 | {}
      POST /admin/api/regions/{slug}/merge                      | /admin/api/regions/armenia/merge               | 401 403 400 400 | {"into": "armenia"}
      DELETE /admin/api/regions/{slug}                          | /admin/api/regions/armenia                     | 401 403 400 400 | -
      """;

  static final List<String> ROLES = List.of("anonymous", "author", "editor", "admin");

  record Case(String method, String route, String path, String role, int expected, String body) {}

  static TestSite site;
  static final Map<String, String[]> sessions = new LinkedHashMap<>();
  static final Map<String, String> apiTokens = new LinkedHashMap<>();
  static final Map<String, String> values = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    site = TestSite.withDemoContent();
    var jdbi = site.app().database().jdbi();
    Clock clock = Clock.systemUTC();
    Workflow workflow = new Workflow(jdbi, site.app().contentStore(), new PreviewLinks(jdbi, clock), clock);
    SessionStore sessionStore = new SessionStore(jdbi, clock);
    ApiTokens tokens = new ApiTokens(jdbi, clock);
    Map<String, Account> accounts = new LinkedHashMap<>();
    for (String role : ROLES.subList(1, 4)) {
      Account account = site.app().accounts().create(role + "@think.example", role, Role.ofKey(role),
          "a long enough password");
      accounts.put(role, account);
      apiTokens.put(role, tokens.create(account.id(), "test").token());
    }
    var piece = workflow.create(Actor.of(accounts.get("editor")), new PublicationInput("editors-draft", "en", null,
        "The editor's draft", "", "## Draft\n\nText.", "analysis", Status.DRAFT, null, null, false, List.of(), List.of(),
        List.of()), Action.SAVE, null);
    long id = piece.publication().id();
    values.put("{piece}", Long.toString(id));
    values.put("{revision}", Long.toString(workflow.revisions(Actor.of(accounts.get("editor")), id).get(0).id()));
    values.put("{link}", Long.toString(workflow.createPreviewLink(Actor.of(accounts.get("editor")), id).id()));
    site.app().subscribers().importCsv(new java.io.StringReader("email,consent\nreader@think.example,test\n"),
        "roles.csv", false);
    values.put("{subscriber}", Long.toString(site.app().subscribers().find("reader@think.example").orElseThrow().id()));
    values.put("{send}", Long.toString(site.app().newsletterService().sendCampaign("Roles", "Text.",
        List.of("new-publications"), List.of(), List.of()).send().id()));
    accounts.forEach((role, account) -> {
      SessionStore.Session session = sessionStore.create(account.id());
      sessions.put(role, new String[] {session.token(), session.csrfToken()});
    });
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String line : TABLE.strip().split("\n")) {
      String[] columns = line.split("\\|");
      String[] route = columns[0].strip().split("\\s+");
      String[] statuses = columns[2].strip().split("\\s+");
      String body = columns.length > 3 ? columns[3].strip() : null;
      for (int i = 0; i < ROLES.size(); i++) {
        cases.add(new Case(route[0], route[1], columns[1].strip(), ROLES.get(i), Integer.parseInt(statuses[i]), body));
      }
    }
    return cases;
  }

  static Stream<Arguments> table() {
    return cases().stream().map(c -> Arguments.of(c.method() + " " + c.path() + " as " + c.role(), c));
  }

  @Test
  void theTableCoversEveryRegisteredRouteOnce() {
    Set<String> registered = new LinkedHashSet<>();
    site.serving().api().table().forEach(r -> registered.add(r.method().name() + " " + r.path()));
    site.serving().admin().routeTable().forEach(r -> registered.add(r.method().name() + " " + r.path()));
    List<String> tested = TABLE.strip().lines().map(l -> String.join(" ", l.split("\\|")[0].strip().split("\\s+")))
        .toList();

    assertThat(tested).doesNotHaveDuplicates();
    assertThat(Set.copyOf(tested)).isEqualTo(registered);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void eachRoleGetsTheExpectedStatus(String name, Case c) {
    String path = c.path();
    for (Map.Entry<String, String> value : values.entrySet()) {
      path = path.replace(value.getKey(), value.getValue());
    }
    AdminClient client = new AdminClient(site.port());
    HttpResponse<String> response;
    if (c.body() != null) {
      HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path))
          .method(c.method(), c.body().equals("-") ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(c.body()))
          .header("Content-Type", "application/json");
      if (!c.role().equals("anonymous")) {
        request.header("Authorization", "Bearer " + apiTokens.get(c.role()));
      }
      response = client.send(request);
    } else {
      if (!c.role().equals("anonymous")) {
        String[] session = c.route().equals("/admin/logout") ? fresh(c.role()) : sessions.get(c.role());
        client.useSession(session[0], session[1]);
      }
      response = c.method().equals("GET") ? client.get(path) : client.post(path);
    }

    assertThat(response.statusCode()).as(c.method() + " " + path + " as " + c.role() + ": " + abbreviate(response.body()))
        .isEqualTo(c.expected());
    if (c.expected() == 303 && !c.route().equals("/admin/logout") && c.role().equals("anonymous")) {
      assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("/admin/login");
    }
    if (c.route().startsWith("/admin")) {
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
  }

  /** A session of its own, for logging out without ending the session other cases use. */
  private static String[] fresh(String role) {
    var jdbi = site.app().database().jdbi();
    Account account = site.app().accounts().findByEmail(role + "@think.example").orElseThrow();
    SessionStore.Session session = new SessionStore(jdbi, Clock.systemUTC()).create(account.id());
    return new String[] {session.token(), session.csrfToken()};
  }

  private static String abbreviate(String body) {
    String text = body.replaceAll("\\s+", " ");
    int at = text.indexOf("<main");
    text = at >= 0 ? text.substring(at) : text;
    return text.length() > 400 ? text.substring(0, 400) : text;
  }
}
