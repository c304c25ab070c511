package org.thinkpress.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thinkpress.accounts.Role;
import org.thinkpress.app.TestSite;

/** The site settings an admin saves: the name, the sentence about the institute, its postal address. */
class SiteSettingsHttpTest {

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
  void thePostalAddressIsKeptLineByLineAndShownInTheFooter() {
    HttpResponse<String> saved = signedIn().post("/admin/settings", "site_title", "The Institute",
        "site_description", "Analysis.", "postal_address", "  7 Meridian Lane \r\n\r\nTbilisi 0108\r\nGeorgia\r\n");

    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(site.app().contentStore().settings()).containsEntry("site.address", "7 Meridian Lane\nTbilisi 0108\nGeorgia");
    var address = Jsoup.parse(site.get("/").body()).selectFirst("footer address");
    assertThat(address.textNodes().stream().map(node -> node.text().strip()).filter(text -> !text.isEmpty()))
        .containsExactly("7 Meridian Lane", "Tbilisi 0108", "Georgia");
    assertThat(address.select("br")).hasSize(3);
    assertThat(signedIn().get("/admin/settings").body()).contains(">7 Meridian Lane\nTbilisi 0108\nGeorgia</textarea>");
  }

  @Test
  void anAddressTooLongIsRefusedAndNothingIsSaved() {
    Map<String, String> before = site.app().contentStore().settings();
    HttpResponse<String> refused = signedIn().post("/admin/settings", "site_title", "Another name",
        "site_description", "", "postal_address", "x".repeat(501));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(refused.body()).text())
        .contains("The postal address may have at most 500 characters; it has 501.");
    assertThat(site.app().contentStore().settings()).isEqualTo(before);
  }
}
