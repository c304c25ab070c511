package org.thinkpress.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminClient;
import org.thinkpress.app.Installation;
import org.thinkpress.app.Serving;

/** The old addresses in the admin: listed for editors, and downloaded as CSV for a CDN's rules. */
class RedirectsAdminTest {

  private static final String PASSWORD = "a long enough password";

  @TempDir
  Path temp;

  private Installation installation;
  private AdminClient editor;

  @BeforeEach
  void open() {
    installation = Installation.open(temp.resolve("data"), null);
    installation.app().importer().run(ImportRequest.of(Platform.WORDPRESS,
        Path.of("src/test/resources/org/thinkpress/imports/wordpress/wxr-1.2.xml")), ImportProgress.NONE);
    installation.app().accounts().create("editor@think.example", "Editor", Role.EDITOR, PASSWORD);
    Serving serving = installation.app().serve();
    editor = new AdminClient(serving.port());
    assertThat(editor.login("editor@think.example", PASSWORD).statusCode()).isEqualTo(303);
  }

  @AfterEach
  void close() {
    installation.close();
  }

  @Test
  void anEditorSeesEveryOldAddressAndWhereItGoes() {
    HttpResponse<String> page = editor.get("/admin/redirects");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>Old addresses</h1>")
        .contains(installation.app().oldUrls().count() + " addresses")
        .contains("<code>/2024/03/arms-control-after-new-start</code>")
        .contains("<a href=\"/publications/arms-control-after-new-start\">/publications/arms-control-after-new-start</a>")
        .contains("wordpress:example.org");
  }

  @Test
  void theCsvHoldsEveryOldAddressForAProxysRules() {
    HttpResponse<String> csv = editor.get("/admin/redirects.csv");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
    assertThat(csv.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"redirects.csv\"");
    assertThat(csv.body()).startsWith("old_path,new_path,source\r\n")
        .contains("/2024/03/arms-control-after-new-start,/publications/arms-control-after-new-start,wordpress:example.org\r\n")
        .contains("/?p=110,/publications/arms-control-after-new-start,wordpress:example.org\r\n");
    assertThat(csv.body().split("\r\n")).hasSize(installation.app().oldUrls().count() + 1);
  }
}
