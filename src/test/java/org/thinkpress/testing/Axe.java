package org.thinkpress.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core accessibility rules, run in the page a browser shows: its default rule set
 * (WCAG 2.0, 2.1 and 2.2 A and AA, and best practices), as Lighthouse and the readers' tools use it.
 * The script is the npm package the build downloads ({@code thinkpress.axe.js}).
 */
public final class Axe {

  private static final String SCRIPT = load();

  private Axe() {}

  /**
   * The violations on the page the browser shows now, one line each: the rule, its impact, how many
   * elements fail it and the first few of them; empty when there are none.
   */
  @SuppressWarnings("unchecked")
  public static List<String> violations(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(SCRIPT);
    Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({"
        + "id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' '))}))))"
        + ".catch(e => done([{id: 'axe-error', impact: 'error', help: String(e), targets: []}]));");
    List<String> lines = new ArrayList<>();
    for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
      List<String> targets = (List<String>) violation.get("targets");
      lines.add(violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help") + "; "
          + targets.size() + " element(s): " + String.join(", ", targets.subList(0, Math.min(5, targets.size()))));
    }
    return lines;
  }

  private static String load() {
    String location = System.getProperty("thinkpress.axe.js");
    if (location == null) {
      throw new IllegalStateException("thinkpress.axe.js is not set: run the tests through Maven, which downloads"
          + " axe-core and names it");
    }
    try {
      return Files.readString(Path.of(location));
    } catch (IOException e) {
      throw new UncheckedIOException("axe-core is missing at " + location, e);
    }
  }
}
