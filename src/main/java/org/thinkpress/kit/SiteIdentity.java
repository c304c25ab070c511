package org.thinkpress.kit;

import java.util.Map;

/**
 * Who publishes the site, from the stored settings (editors change them; {@code demo} sets the
 * demo institute's).
 *
 * @param name the site's and the institute's name
 * @param description one sentence about the institute, for the home page and the footer
 * @param logoUrl an absolute URL of the logo for structured data, or {@code null}
 */
public record SiteIdentity(String name, String description, String logoUrl) {

  public static final String NAME = "site.title";
  public static final String DESCRIPTION = "site.description";
  public static final String LOGO = "site.logo";

  public static SiteIdentity from(Map<String, String> settings) {
    return new SiteIdentity(settings.getOrDefault(NAME, "ThinkPress"),
        settings.getOrDefault(DESCRIPTION, "Analysis, commentary and research."),
        settings.get(LOGO));
  }
}
