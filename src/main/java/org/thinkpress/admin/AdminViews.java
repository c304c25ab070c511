package org.thinkpress.admin;

import java.util.List;

/**
 * The view models of the admin templates ({@code src/main/jte/admin/}): plain, formatted values.
 * jte escapes every one of them; {@code *Html} fields hold sanitized HTML.
 */
public final class AdminViews {

  private AdminViews() {}

  /**
   * What every admin page shares.
   *
   * @param csrf the session's CSRF token, put in every form; empty when signed out
   * @param notice a confirmation to show, or null
   * @param error a problem to show, or null
   */
  public record Chrome(String title, String accountName, String role, String csrf, String section, String notice,
                       String error, String siteCss, String adminCss, String adminJs, boolean editor, boolean admin) {
    public boolean signedIn() {
      return accountName != null;
    }
  }

  /** An option of a select or a checkbox of a group. */
  public record Choice(String value, String label, boolean selected) {}

  public record LoginPage(String email, String next, String loginToken) {}

  public record TokenRow(long id, String name, String created, String lastUsed, boolean active, String revokeAction) {}

  public record AccountPage(String email, String name, String role, List<TokenRow> tokens) {}

  public record AccountRow(long id, String email, String name, List<Choice> roles, boolean disabled, String action) {}

  public record AccountsPage(List<AccountRow> accounts, List<Choice> roles) {}

  /** A secret shown once (a new API token, a new preview link), with where to go next. */
  public record SecretPage(String heading, String explanation, String secret, String backHref, String backLabel) {}

  public record SettingsPage(String siteTitle, String siteDescription, String postalAddress) {}
}
