package org.thinkpress.kit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Who publishes the site, from the stored settings (editors change them; {@code demo} sets the
 * demo institute's).
 *
 * @param name the site's and the institute's name
 * @param description one sentence about the institute, for the home page and the footer
 * @param logoUrl an absolute URL of the logo for structured data, or {@code null}
 * @param postalAddress the institute's postal address, line by line (empty when not given): the
 *     site's footer shows it, and so does every email, as bulk-mail rules require
 */
public record SiteIdentity(String name, String description, String logoUrl, List<String> postalAddress) {

  public static final String NAME = "site.title";
  public static final String DESCRIPTION = "site.description";
  public static final String LOGO = "site.logo";
  public static final String ADDRESS = "site.address";

  /** The most characters a postal address may have. */
  public static final int ADDRESS_MAX = 500;

  public static SiteIdentity from(Map<String, String> settings) {
    return new SiteIdentity(settings.getOrDefault(NAME, "ThinkPress"),
        settings.getOrDefault(DESCRIPTION, "Analysis, commentary and research."),
        settings.get(LOGO), addressLines(settings.getOrDefault(ADDRESS, "")));
  }

  /** An address as stored (lines) as its non-blank lines, trimmed. */
  public static List<String> addressLines(String address) {
    return Arrays.stream(address.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
