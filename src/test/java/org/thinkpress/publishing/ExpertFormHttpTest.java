package org.thinkpress.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.Role;
import org.thinkpress.admin.AdminClient;
import org.thinkpress.app.TestSite;
import org.thinkpress.content.Expert;

/** The expert's form in the admin: areas of expertise, languages and a media contact, the rest kept. */
class ExpertFormHttpTest {

  static TestSite site;
  static AdminClient editor;

  @BeforeAll
  static void start() {
    site = TestSite.withDemoContent();
    site.app().accounts().create("ed@think.example", "Ed", Role.EDITOR, "a long enough password");
    editor = new AdminClient(site.port());
    editor.login("ed@think.example", "a long enough password");
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  HttpResponse<String> save(String expertise, String languages, String contact) {
    Expert tamar = site.app().contentStore().taxonomy().expert("tamar-lomidze").orElseThrow();
    return editor.post("/admin/experts/tamar-lomidze", "name", tamar.name(), "role", tamar.role(),
        "affiliation", tamar.affiliation(), "bio", tamar.bioMarkdown(), "photo_url", tamar.photoUrl(),
        "expertise", expertise, "languages", languages, "media_contact", contact);
  }

  @Test
  void theFormSavesTheDetailsAndKeepsNamesAndProfileLinks() {
    Expert before = site.app().contentStore().taxonomy().expert("tamar-lomidze").orElseThrow();
    assertThat(editor.get("/admin/experts/tamar-lomidze").body())
        .contains("Renewable energy\nPower grids\nClimate adaptation", "value=\"ka ru en de\"",
            "value=\"+995 32 255 0177\"");

    HttpResponse<String> saved = save("Grid codes\r\n\r\n  Energy storage  \r\n", "ka, en", "t.lomidze@meridian.example");

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    Expert after = site.app().contentStore().taxonomy().expert("tamar-lomidze").orElseThrow();
    assertThat(after.expertise()).containsExactly("Grid codes", "Energy storage");
    assertThat(after.languages()).containsExactly("ka", "en");
    assertThat(after.mediaContact()).isEqualTo("t.lomidze@meridian.example");
    assertThat(after.links()).isEqualTo(before.links());
    assertThat(after.names()).isEqualTo(before.names());
  }

  @Test
  void aMediaContactThatIsNeitherAnAddressNorANumberIsRefusedByName() {
    HttpResponse<String> refused = save("Grid codes", "ka", "ring the office");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Not saved: media contact of expert 'tamar-lomidze' 'ring the office'"
        + " is neither an email address nor a phone number such as +374 10 123456.");
  }
}
