package org.thinkpress.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.Account;
import org.thinkpress.accounts.Role;
import org.thinkpress.app.TestSite;

/** An admin manages accounts in the UI; every account changes its own password. */
class AccountsHttpTest {

  static TestSite site;
  static AdminClient admin;

  @BeforeAll
  static void start() {
    site = TestSite.start(Map.of(), false);
    site.app().accounts().create("root@think.example", "Root", Role.ADMIN, "a long enough password");
    admin = new AdminClient(site.port());
    admin.login("root@think.example", "a long enough password");
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void anAdminAddsAnAuthorWhoCanSignInUntilDisabled() {
    HttpResponse<String> added = admin.post("/admin/accounts", "email", "New.Author@think.example", "name", "Nina",
        "role", "author", "password", "her first password");
    assertThat(added.statusCode()).isEqualTo(303);
    Account nina = site.app().accounts().findByEmail("new.author@think.example").orElseThrow();
    assertThat(nina.role()).isEqualTo(Role.AUTHOR);

    AdminClient author = new AdminClient(site.port());
    assertThat(author.login("new.author@think.example", "her first password").statusCode()).isEqualTo(303);
    assertThat(author.get("/admin").statusCode()).isEqualTo(200);
    assertThat(author.get("/admin/accounts").statusCode()).isEqualTo(403);

    assertThat(admin.post("/admin/accounts/" + nina.id(), "role", "author", "disabled", "yes").statusCode())
        .isEqualTo(303);
    assertThat(author.get("/admin").statusCode()).as("the session ended").isEqualTo(303);
    assertThat(new AdminClient(site.port()).login("new.author@think.example", "her first password").statusCode())
        .isEqualTo(401);
  }

  @Test
  void aTakenAddressOrAShortPasswordIsRefusedWithAReason() {
    HttpResponse<String> taken = admin.post("/admin/accounts", "email", "ROOT@think.example", "name", "",
        "role", "editor", "password", "a long enough password");
    HttpResponse<String> weak = admin.post("/admin/accounts", "email", "weak@think.example", "name", "",
        "role", "editor", "password", "short");

    assertThat(taken.statusCode()).isEqualTo(400);
    assertThat(taken.body()).contains("an account with the address root@think.example exists already");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("the password must have at least 12 characters");
  }

  @Test
  void everyoneChangesTheirOwnPasswordKnowingTheCurrentOne() {
    site.app().accounts().create("ed@think.example", "Ed", Role.EDITOR, "the old password");
    AdminClient editor = new AdminClient(site.port());
    editor.login("ed@think.example", "the old password");

    HttpResponse<String> wrong = editor.post("/admin/account/password", "current", "not the old one",
        "password", "the new password", "repeat", "the new password");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("The password was not changed: the current password is not right.");

    HttpResponse<String> changed = editor.post("/admin/account/password", "current", "the old password",
        "password", "the new password", "repeat", "the new password");
    assertThat(changed.statusCode()).isEqualTo(303);
    assertThat(changed.headers().firstValue("Location")).hasValue("/admin/account?done=password");
    assertThat(new AdminClient(site.port()).login("ed@think.example", "the new password").statusCode())
        .isEqualTo(303);
  }
}
