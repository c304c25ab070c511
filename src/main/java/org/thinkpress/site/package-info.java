/**
 * The public site: pages, feeds, sitemap, and the cache in front of them. No feature imports this
 * package: what features' pages share (layout, messages, assets, URLs, responders) is
 * {@code org.thinkpress.kit}, and the site reaches them through the frame it implements
 * ({@link org.thinkpress.kit.SiteFrame}).
 *
 * <p>A request goes {@link org.thinkpress.site.SiteRoutes} (parse the path and {@code ?page=N})
 * &rarr; {@link org.thinkpress.site.PageCache} (by path, valid while the content version holds)
 * &rarr; {@link org.thinkpress.site.SitePages} (build a view model from
 * {@link org.thinkpress.content.ContentReader}, render it with a precompiled jte template from
 * {@code src/main/jte/site/}) &rarr; {@link org.thinkpress.kit.PageResponder} (validators, 304,
 * gzip). Rendered pages are kept with their gzip form and a strong ETag, so a cached page costs a
 * lookup and a write.
 *
 * <h2>Words</h2>
 * <dl>
 *   <dt>view</dt><dd>a template and its already formatted values ({@link org.thinkpress.site.SiteViews}
 *       and the shared {@link org.thinkpress.kit.Views});
 *       templates hold no logic beyond loops and conditions.</dd>
 *   <dt>layout</dt><dd>what every page shares: head (title, description, canonical, OpenGraph,
 *       JSON-LD, hreflang), navigation, footer.</dd>
 *   <dt>edition</dt><dd>the site in one of its languages ({@code site.languages}; {@link org.thinkpress.site.Edition}):
 *       home, listings, indexes and feeds showing that language's pieces (and, as configured, the
 *       untranslated ones, marked with their language), the interface in that language. The main
 *       language's edition has the plain paths; another's are under {@code /TAG} ({@code /ru/topics/energy}).
 *       An edition shows once a piece is published in its language. Publication pages belong to
 *       no edition: one address each, the interface in the piece's language, links into the
 *       edition of that language.</dd>
 *   <dt>language switcher</dt><dd>{@code Layout.languages()}: this page in each edition (the
 *       same listing; a publication's translation, else that edition's home), the current one the
 *       link whose language is the layout's ({@link org.thinkpress.site.Editions#switcher}).</dd>
 *   <dt>alternates</dt><dd>{@code hreflang} links: a home's or listing's page 1 in every edition
 *       plus {@code x-default} for the main one; a publication's translations plus {@code x-default}
 *       for the version in the first of the site's languages that has one; none for a piece
 *       without translations or a filtered listing.</dd>
 *   <dt>filters</dt><dd>{@code /publications?type=&topic=&region=&expert=&language=&year=}
 *       ({@link org.thinkpress.site.ListingFilter}): links with counts, one value per
 *       dimension, combinable; a combination's one address names them in that order, then
 *       {@code page}; any other spelling is a 301 to it. Filtered pages are {@code noindex}
 *       (their canonical is themselves) and stay out of the sitemap.</dd>
 *   <dt>other materials</dt><dd>the pieces suggested under a publication
 *       ({@link org.thinkpress.search.OtherMaterials}, which search implements); never the piece or its translations.</dd>
 * </dl>
 *
 * <p>Site pages (About, Contact...) answer at {@code /SLUG} through
 * {@link org.thinkpress.site.SiteRoutes#registerPages}, registered after every other route so that
 * {@code /{slug}} shadows none; {@code content.PageSlugs} keeps pages off every route's first
 * segment ({@code PagesHttpTest} checks it against the running router). They render
 * {@code site/page.jte}: title, standfirst, body, translations, last update.
 *
 * <p>A publication page (and a site page) speaks its publication's language ({@link org.thinkpress.kit.Messages});
 * other pages speak their edition's language. Cards of pieces in another language carry their own
 * {@code lang}. Counts and reading times follow the language's plural rules ({@link org.thinkpress.kit.Plurals}).
 *
 * <h2>Traps</h2>
 * A page is cached by path until the content version moves: anything a page shows must come from
 * content that raises the version when it changes (every {@code ContentStore} write does), or the
 * page goes stale. Query parameters other than {@code page} are not part of the cache key, except
 * on {@code /publications}, whose filtered pages are kept under their canonical address in a
 * share of the cache of their own (an eighth of {@code cache.max-mb}, on top of it), so that
 * however many combinations are asked for they evict one another, never the other pages. Old
 * slugs answer through {@link org.thinkpress.publishing.MovedContent} before a 404.
 */
package org.thinkpress.site;
