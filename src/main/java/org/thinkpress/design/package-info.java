/**
 * The site's design as admins set it: identity, branding (logo, icons, accent colour, type
 * pairing), the header menu and the footer. So far it holds the colour rule every saved colour
 * passes ({@link org.thinkpress.design.Contrast}); the admin section and the records the layout
 * reads (in {@code kit}) are still to come.
 *
 * <pre>{@code
 * Contrast.requireTextContrast("#ffff00", "#ffffff", "white");
 * // InvalidColourException: "#ffff00 on white has contrast 1.07:1; text needs at least 4.5:1"
 * }</pre>
 *
 * <h2>Words</h2>
 * <dl>
 *   <dt>contrast ratio</dt><dd>WCAG 2's (L1 + 0.05) / (L2 + 0.05) of the two colours' relative
 *   luminances, from 1:1 to 21:1; text needs at least 4.5:1 (level AA, normal size).</dd>
 *   <dt>accent</dt><dd>the one brand colour, used for links and buttons, so it must pass as text.</dd>
 * </dl>
 */
package org.thinkpress.design;
