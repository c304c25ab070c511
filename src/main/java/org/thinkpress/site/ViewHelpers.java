package org.thinkpress.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.thinkpress.content.ContentReader;
import org.thinkpress.content.Expert;
import org.thinkpress.content.ExpertInput;
import org.thinkpress.content.Languages;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.content.PublicationTypes;
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
  final Editions editions;
  final Images images;
  private final String stylesheet;

  ViewHelpers(ContentReader reader, SiteConfig config, String stylesheet, Images images) {
    this.reader = reader;
    this.config = config;
    this.editions = new Editions(config, reader);
    this.stylesheet = stylesheet;
    this.images = images;
  }

  String stylesheetUrl() {
    return stylesheet;
  }

  SiteIdentity identity() {
    return SiteIdentity.from(reader.settings());
  }

  /** A layout for a page of the main edition in {@code language}, with the site's navigation. */
  LayoutBuilder layout(String language, String title, String description, String path) {
    return layout(editions.main(), language, title, description, path);
  }

  /**
   * A layout for a page of {@code edition} in {@code language} ({@code path} already in the
   * edition), its navigation in the edition; the switcher leads to each edition's home until the
   * page sets its own.
   */
  LayoutBuilder layout(Edition edition, String language, String title, String description, String path) {
    Messages msg = Messages.of(language);
    Taxonomy taxonomy = reader.taxonomy();
    List<Link> footerTopics = taxonomy.topics().stream()
        .map(topic -> new Link(edition.path(Urls.topic(topic.slug())), topic.nameIn(msg.language()))).toList();
    SiteIdentity identity = identity();
    String fullTitle = title == null ? identity.name() : title + " | " + identity.name();
    return new LayoutBuilder(identity, msg, language, fullTitle, description == null || description.isBlank()
        ? identity.description() : description, config.absolute(path), footerTopics,
        editions.switcher(other -> null), stylesheet).prefix(edition.prefix());
  }

  /** A card shown on a page in {@code pageLanguage}; the card itself speaks the piece's language. */
  Card card(PublicationSummary summary, String pageLanguage) {
    return card(summary, editions.forLanguage(pageLanguage), pageLanguage);
  }

  /** A card on a page of {@code edition}: its type and experts link to the edition's listings. */
  Card card(PublicationSummary summary, Edition edition, String pageLanguage) {
    Messages msg = Messages.of(summary.language());
    Taxonomy taxonomy = reader.taxonomy();
    boolean foreign = !summary.language().equals(pageLanguage);
    List<Link> experts = taxonomy.experts(summary.expertIds()).stream()
        .map(expert -> new Link(edition.path(Urls.expert(expert.slug())), expert.nameIn(summary.language()))).toList();
    String href = Urls.piece(summary.type(), summary.slug());
    // a site page (a search result) has no listing of its type: its kicker links to the page itself
    String typeHref = PublicationTypes.isPage(summary.type()) ? href : edition.path(Urls.type(summary.type()));
    return new Card(href, summary.title(), summary.standfirst(),
        new Link(typeHref, msg.typeLabel(summary.type())), experts,
        Formats.date(summary.publishedAt(), msg.locale(), config.zone()),
        msg.plural("reading.minutes", summary.readingMinutes()),
        foreign ? summary.language() : null, foreign ? Languages.nativeName(summary.language()) : null,
        images.image(summary.imageUrl(), summary.imageAlt(), "", "").orElse(null));
  }

  List<Card> cards(List<PublicationSummary> summaries, Edition edition) {
    List<Card> cards = new ArrayList<>(summaries.size());
    for (PublicationSummary summary : summaries) {
      cards.add(card(summary, edition, edition.language()));
    }
    return cards;
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
    return new Profile(editions.forLanguage(language).path(Urls.expert(expert.slug())), expert.nameIn(language), expert.role(), expert.affiliation(),
        expert.photoUrl(), expert.bioHtml(), expert.links().entrySet().stream()
            .map(link -> new Link(link.getValue(), LINK_LABELS.getOrDefault(link.getKey(), link.getKey()))).toList(),
        images.image(expert.photoUrl(), expert.nameIn(language), "", "").orElse(null));
  }

  /** An expert's areas, languages (named in {@code language}), media contact and labelled profile links. */
  SiteViews.ExpertFacts expertFacts(Expert expert, String language) {
    Messages msg = Messages.of(language);
    String contact = expert.mediaContact();
    Link media = contact.isEmpty() ? null : new Link(ExpertInput.isEmail(contact) ? "mailto:" + contact
        : "tel:" + contact.replaceAll("[^0-9+]", ""), contact);
    List<Link> social = expert.links().entrySet().stream().map(link -> {
      String key = "expert.link." + link.getKey();
      String label = msg.get(key);
      return new Link(link.getValue(), label.equals(key) ? LINK_LABELS.getOrDefault(link.getKey(), link.getKey()) : label);
    }).toList();
    return new SiteViews.ExpertFacts(expert.expertise(),
        expert.languages().stream().map(tag -> Languages.nameIn(tag, language)).toList(), media, social);
  }

  List<Link> topicLinks(List<Topic> topics, String language) {
    return topicLinks(topics, editions.forLanguage(language), language);
  }

  List<Link> topicLinks(List<Topic> topics, Edition edition, String language) {
    return topics.stream().map(topic -> new Link(edition.path(Urls.topic(topic.slug())), topic.nameIn(language))).toList();
  }

  List<Link> regionLinks(List<Region> regions, String language) {
    return regionLinks(regions, editions.forLanguage(language), language);
  }

  List<Link> regionLinks(List<Region> regions, Edition edition, String language) {
    return regions.stream().map(region -> new Link(edition.path(Urls.region(region.slug())), region.nameIn(language)))
        .toList();
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
    if (!expert.expertise().isEmpty()) {
      person.put("knowsAbout", expert.expertise());
    }
    if (!expert.languages().isEmpty()) {
      person.put("knowsLanguage", expert.languages());
    }
    if (!expert.links().isEmpty()) {
      person.put("sameAs", List.copyOf(expert.links().values()));
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
