/**
 * The public site: pages, feeds, sitemap, and the cache in front of them.
 *
 * <p>A request goes {@link org.thinkpress.site.SiteRoutes} (parse the path and {@code ?page=N})
 * &rarr; {@link org.thinkpress.site.PageCache} (by path, valid while the content version holds)
 * &rarr; {@link org.thinkpress.site.SitePages} (build a view model from
 * {@link org.thinkpress.content.ContentReader}, render it with a precompiled jte template from
 * {@code src/main/jte/site/}) &rarr; {@link org.thinkpress.site.PageResponder} (validators, 304,
 * gzip). Rendered pages are kept with their gzip form and a strong ETag, so a cached page costs a
 * lookup and a write.
 *
 * <h2>Words</h2>
 * <dl>
 *   <dt>view</dt><dd>a template and its already formatted values ({@link org.thinkpress.site.Views});
 *       templates hold no logic beyond loops and conditions.</dd>
 *   <dt>layout</dt><dd>what every page shares: head (title, description, canonical, OpenGraph,
 *       JSON-LD, hreflang), navigation, footer.</dd>
 *   <dt>other materials</dt><dd>the pieces suggested under a publication
 *       ({@link org.thinkpress.site.OtherMaterials}); never the piece or its translations.</dd>
 * </dl>
 *
 * <p>A publication page speaks its publication's language ({@link org.thinkpress.site.Messages});
 * other pages speak the site's main language. Cards of pieces in another language carry their own
 * {@code lang}.
 */
package org.thinkpress.site;
