/**
 * The design kit every feature's public pages share: the site's settings
 * ({@link org.thinkpress.kit.SiteConfig}), its words per language ({@link org.thinkpress.kit.Messages},
 * from {@code kit/messages_LANG.properties}), the layout ({@code src/main/jte/kit/layout.jte} with
 * {@link org.thinkpress.kit.Views.Layout}, built by {@link org.thinkpress.kit.LayoutBuilder}),
 * fingerprinted assets ({@link org.thinkpress.kit.Assets}), URLs ({@link org.thinkpress.kit.Urls}),
 * rendered pages and how they are answered ({@link org.thinkpress.kit.RenderedPage},
 * {@link org.thinkpress.kit.PageResponder}: validators, 304, gzip).
 *
 * <p>A feature draws its page inside the site's frame, which the wiring hands it:
 * <pre>{@code
 * Views.Layout layout = frame.layout(title, description, "/search?q=grain", "search", feeds, null, null, false);
 * Views.Card card = frame.card(summary);
 * // src/main/jte/FEATURE/page.jte:
 * //   @template.kit.layout(layout = layout, content = @`...`)
 * }</pre>
 *
 * <h2>Traps</h2>
 * Every text a reader sees comes from {@code Messages} in the page's language, falling back to
 * English key by key: a key missing from {@code messages_ru.properties} shows English on a Russian
 * page rather than failing, so add a new key to every language's file.
 * URLs are built with {@code Urls}, which encodes; never by concatenating user input. Nothing here
 * may import a feature's package: the kit is below them all.
 */
package org.thinkpress.kit;
