package org.thinkpress.site;

import java.util.List;
import java.util.Map;
import org.thinkpress.content.ContentNotFoundException;
import org.thinkpress.content.Languages;
import org.thinkpress.content.Publication;
import org.thinkpress.content.PublicationSummary;
import org.thinkpress.content.Status;
import org.thinkpress.kit.LayoutBuilder;
import org.thinkpress.kit.Messages;
import org.thinkpress.kit.Urls;
import org.thinkpress.kit.Views.LanguageLink;
import org.thinkpress.site.SiteViews.SitePage;

/** Site pages at the root ({@code /about}, {@code /contact}): title, standfirst, body, last update, translations. */
final class RootPages {

  private final ViewHelpers helpers;

  RootPages(ViewHelpers helpers) {
    this.helpers = helpers;
  }

  View page(String slug) {
    Publication page = helpers.reader.publicPage(slug).orElseThrow(() -> new ContentNotFoundException("page", slug));
    String language = page.language();
    Messages msg = Messages.of(language);
    List<PublicationSummary> translations = helpers.reader.translations(page);
    List<LanguageLink> translationLinks = translations.stream()
        .map(t -> new LanguageLink(Urls.piece(t.type(), t.slug()), Languages.nativeName(t.language()), t.language()))
        .toList();
    boolean archived = page.status() == Status.ARCHIVED;
    SitePage view = new SitePage(page.title(), page.standfirst(), page.bodyHtml(),
        Formats.date(page.lastRevisedAt(), msg.locale(), helpers.config.zone()), translationLinks, archived);

    String url = helpers.config.absolute(Urls.sitePage(slug));
    Map<String, Object> webPage = JsonLd.node("WebPage");
    webPage.put("name", page.title());
    if (!page.standfirst().isEmpty()) {
      webPage.put("description", page.standfirst());
    }
    webPage.put("inLanguage", language);
    webPage.put("url", url);
    webPage.put("dateModified", page.lastRevisedAt().toString());
    webPage.put("publisher", helpers.publisher());
    String path = Urls.sitePage(slug);
    LayoutBuilder layout = helpers.layout(helpers.editions.forLanguage(language), language, page.searchTitle(),
            page.searchDescription(), path)
        .languages(helpers.editions.switcher(language, path, translations))
        .alternates(PublicationPages.alternates(helpers, page, translations))
        .jsonLd(JsonLd.write(webPage))
        .section("page");
    if (archived) {
      layout.noindex();
    }
    return new View(200, "site/page.jte", layout.build(), view);
  }
}
