package org.thinkpress.content;

import java.util.List;
import java.util.Map;

/**
 * A stored expert: an author of publications, with a profile page.
 *
 * @param bioHtml the biography rendered and sanitized, safe to insert into a page
 * @param links profiles elsewhere by kind, in the order shown ({@link ExpertInput#links()})
 * @param expertise see {@link ExpertInput#expertise()}
 * @param languages see {@link ExpertInput#languages()}
 * @param mediaContact see {@link ExpertInput#mediaContact()}
 */
public record Expert(
    long id, String slug, String name, Map<String, String> names, String role, String affiliation,
    String bioMarkdown, String bioHtml, String photoUrl, Map<String, String> links,
    List<String> expertise, List<String> languages, String mediaContact) {

  public Expert {
    expertise = List.copyOf(expertise);
    languages = List.copyOf(languages);
  }

  /** An expert without areas of expertise, languages or a media contact. */
  public Expert(long id, String slug, String name, Map<String, String> names, String role, String affiliation,
                String bioMarkdown, String bioHtml, String photoUrl, Map<String, String> links) {
    this(id, slug, name, names, role, affiliation, bioMarkdown, bioHtml, photoUrl, links, List.of(), List.of(), "");
  }

  /** The name as written for readers of {@code language}, or the main name. */
  public String nameIn(String language) {
    return names.getOrDefault(language, name);
  }

  public ExpertInput toInput() {
    return new ExpertInput(slug, name, names, role, affiliation, bioMarkdown, photoUrl, links, expertise, languages,
        mediaContact);
  }
}
