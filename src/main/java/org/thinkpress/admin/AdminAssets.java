package org.thinkpress.admin;

import org.thinkpress.accounts.Tokens;
import org.thinkpress.kit.Assets;

/**
 * The admin's stylesheet and script ({@code static/admin/}), linked under fingerprinted names as
 * {@link Assets} serves them, so browsers keep them for a year and still see a new version at once.
 */
final class AdminAssets {

  private final String siteCss;
  private final String adminCss;
  private final String adminJs;

  AdminAssets(Assets assets) {
    this.siteCss = assets.stylesheetUrl();
    this.adminCss = fingerprinted(assets, "admin/admin", "css");
    this.adminJs = fingerprinted(assets, "admin/admin", "js");
  }

  /** {@code /assets/admin/admin.0123456789.css}: the first ten hex digits of the SHA-256, as Assets expects. */
  private static String fingerprinted(Assets assets, String base, String extension) {
    byte[] body = assets.find(base + "." + extension)
        .orElseThrow(() -> new IllegalStateException("static/" + base + "." + extension + " is missing"))
        .page().body();
    String hash = Tokens.sha256Hex(body).substring(0, 10);
    String url = base + "." + hash + "." + extension;
    if (assets.find(url).isEmpty()) {
      throw new IllegalStateException("Assets does not serve " + url + "; its fingerprint scheme changed");
    }
    return "/assets/" + url;
  }

  String siteCss() {
    return siteCss;
  }

  String adminCss() {
    return adminCss;
  }

  String adminJs() {
    return adminJs;
  }
}
