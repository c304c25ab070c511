package org.thinkpress.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.util.Map;

/**
 * The jte templates of the site, compiled to classes at build time
 * ({@code src/main/jte/site/*.jte}); rendering writes UTF-8 bytes directly.
 */
final class Templates {

  static final String PACKAGE = "org.thinkpress.templates";

  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

  byte[] render(View view) {
    Utf8ByteOutput output = new Utf8ByteOutput(16 * 1024);
    engine.render(view.template(), Map.of("layout", view.layout(), "page", view.page()), output);
    return output.toByteArray();
  }
}
