package org.thinkpress.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.Expert;
import org.thinkpress.content.Languages;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.content.Region;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.content.Topic;
import org.thinkpress.kit.LayoutBuilder;
import org.thinkpress.kit.Messages;
import org.thinkpress.kit.SiteConfig;
import org.thinkpress.kit.SiteIdentity;
import org.thinkpress.kit.Urls;
import org.thinkpress.kit.Views.Card;
import org.thinkpress.kit.Views.LanguageLink;
import org.thinkpress.kit.Views.Link;
import org.thinkpress.kit.Views.Profile;
import org.thinkpress.media.Images;

/** What every page builder needs: the reader, the configuration, and the pieces shared by pages. */
final class ViewHelpers {

  final ContentReader reader;
  final SiteConfig config;
  final Images images;
  private final String stylesheet;

  ViewHelpers(ContentReader reader, SiteConfig config, String stylesheet, Images images) {
    this.reader = reader;
    this.config = config;
    this.stylesheet = stylesheet;
    this.images = images;
  }

  String stylesheetUrl() {
    return stylesheet;
  }

  SiteIdentity identity() {
    return SiteIdentity.from(reader.settings());
  }

  /** A layout for a page in {@code language}, with the site's navigation. */
  LayoutBuilder layout(String language, String title, String description, String path) {
    Messages msg = Messages.of(language);
    Taxonomy taxonomy = reader.taxonomy();
    List<Link> footerTopics = taxonomy.topics().stream()
        .map(topic -> new Link(Urls.topic(topic.slug()), topic.nameIn(msg.language()))).toList();
    List<LanguageLink> languages = reader.languages().size() < 2 ? List.of() : reader.languages().stream()
        .map(tag -> new LanguageLink(Urls.language(tag), Languages.nativeName(tag), tag)).toList();
    SiteIdentity identity = identity();
    String fullTitle = title == null ? identity.name() : title + " | " + identity.name();
    return new LayoutBuilder(identity, msg, language, fullTitle, description == null || description.isBlank()
        ? identity.description() : description, config.absolute(path), footerTopics, languages, stylesheet);
  }

  /** A card shown on a page in {@code pageLanguage}; the card itself speaks the piece's language. */
  Card card(PublicationSummary summary, String pageLanguage) {
    Messages msg = Messages.of(summary.language());
    Taxonomy taxonomy = reader.taxonomy();
    boolean foreign = !summary.language().equals(pageLanguage);
    List<Link> experts = taxonomy.experts(summary.expertIds()).stream()
        .map(expert -> new Link(Urls.expert(expert.slug()), expert.nameIn(summary.language()))).toList();
    return new Card(Urls.publication(summary.slug()), summary.title(), summary.standfirst(),
        new Link(Urls.type(summary.type()), msg.typeLabel(summary.type())), experts,
        Formats.date(summary.publishedAt(), msg.locale(), config.zone()),
        msg.format("publication.reading", summary.readingMinutes()),
        foreign ? summary.language() : null, foreign ? Languages.nativeName(summary.language()) : null,
        images.image(summary.imageUrl(), summary.imageAlt(), "", "").orElse(null));
  }

  List<Card> cards(List<PublicationSummary> summaries, String pageLanguage) {
    List<Card> cards = new ArrayList<>(summaries.size());
    for (PublicationSummary summary : summaries) {
      cards.add(card(summary, pageLanguage));
    }
    return cards;
  }

  /** How the kinds of profile links read; other kinds show as written. */
  private static final Map<String, String> LINK_LABELS = Map.of("website", "Website", "x", "X", "twitter", "X",
      "linkedin", "LinkedIn", "facebook", "Facebook", "bluesky", "Bluesky", "mastodon", "Mastodon",
      "orcid", "ORCID", "youtube", "YouTube", "instagram", "Instagram");

  Profile profile(Expert expert, String language) {
    return new Profile(Urls.expert(expert.slug()), expert.nameIn(language), expert.role(), expert.affiliation(),
        expert.photoUrl(), expert.bioHtml(), expert.links().entrySet().stream()
            .map(link -> new Link(link.getValue(), LINK_LABELS.getOrDefault(link.getKey(), link.getKey()))).toList(),
        images.image(expert.photoUrl(), expert.nameIn(language), "", "").orElse(null));
  }

  List<Link> topicLinks(List<Topic> topics, String language) {
    return topics.stream().map(topic -> new Link(Urls.topic(topic.slug()), topic.nameIn(language))).toList();
  }

  List<Link> regionLinks(List<Region> regions, String language) {
    return regions.stream().map(region -> new Link(Urls.region(region.slug()), region.nameIn(language))).toList();
  }

  /** A schema.org {@code Person} for an expert. */
  Map<String, Object> person(Expert expert, String language) {
    var person = JsonLd.node("Person");
    person.put("name", expert.nameIn(language));
    person.put("url", config.absolute(Urls.expert(expert.slug())));
    if (!expert.role().isEmpty()) {
      person.put("jobTitle", expert.role());
    }
    if (!expert.affiliation().isEmpty()) {
      var affiliation = JsonLd.node("Organization");
      affiliation.put("name", expert.affiliation());
      person.put("affiliation", affiliation);
    }
    if (expert.photoUrl() != null) {
      person.put("image", expert.photoUrl().startsWith("/") ? config.absolute(expert.photoUrl()) : expert.photoUrl());
    }
    return person;
  }

  /** A schema.org {@code Organization} for the institute. */
  Map<String, Object> publisher() {
    SiteIdentity identity = identity();
    var organization = JsonLd.node("Organization");
    organization.put("name", identity.name());
    organization.put("url", config.absolute("/"));
    if (identity.logoUrl() != null) {
      var logo = JsonLd.node("ImageObject");
      logo.put("url", identity.logoUrl());
      organization.put("logo", logo);
    }
    return organization;
  }
}
