package org.thinkpress.admin;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.util.Map;
import org.thinkpress.admin.AdminViews.Chrome;

/** The admin's jte templates ({@code src/main/jte/admin/*.jte}), precompiled with the site's. */
final class AdminTemplates {

  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(null, ContentType.Html, AdminTemplates.class.getClassLoader(),
          "org.thinkpress.templates");

  byte[] render(String template, Chrome chrome, Object page) {
    Utf8ByteOutput output = new Utf8ByteOutput(16 * 1024);
    engine.render(template + ".jte", Map.of("chrome", chrome, "page", page), output);
    return output.toByteArray();
  }
}
