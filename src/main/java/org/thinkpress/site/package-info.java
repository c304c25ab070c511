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
 * other pages speak the site's main language. Cards of pieces in another language carry their own
 * {@code lang}.
 *
 * <h2>Traps</h2>
 * A page is cached by path until the content version moves: anything a page shows must come from
 * content that raises the version when it changes (every {@code ContentStore} write does), or the
 * page goes stale. Query parameters other than {@code page} are not part of the cache key. Old
 * slugs answer through {@link org.thinkpress.publishing.MovedContent} before a 404.
 */
package org.thinkpress.site;
