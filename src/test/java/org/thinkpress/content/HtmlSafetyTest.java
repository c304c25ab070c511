package org.thinkpress.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known cross-site scripting payloads, written into Markdown bodies as an author or an import
 * could: none may come out able to run script, load a frame or a plugin, or carry a script URL.
 */
class HtmlSafetyTest {

  private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "style", "iframe", "frame", "frameset",
      "object", "embed", "applet", "form", "input", "button", "textarea", "select", "base", "link", "meta", "svg",
      "math", "template", "noscript", "audio", "video", "source", "details", "dialog", "marquee", "body", "html");

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  @ParameterizedTest
  @ValueSource(strings = {
      "<script>alert(1)</script>",
      "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
      "<img src=x onerror=alert(1)>",
      "<img src=\"javascript:alert(1)\">",
      "<svg onload=alert(1)><circle r=1></svg>",
      "<svg><script>alert(1)</script></svg>",
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
      "<iframe src=\"javascript:alert(1)\"></iframe>",
      "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
      "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
      "<embed src=\"javascript:alert(1)\">",
      "<a href=\"javascript:alert(1)\">click</a>",
      "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
      "<a href=\"  javascript:alert(1)\">click</a>",
      "<a href=\"jav&#x09;ascript:alert(1)\">click</a>",
      "<a href=\"jav\tascript:alert(1)\">click</a>",
      "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">click</a>",
      "<a href=\"vbscript:msgbox(1)\">click</a>",
      "<a href=\"data:text/html,<script>alert(1)</script>\">click</a>",
      "[click](javascript:alert(1))",
      "[click](JAVASCRIPT:alert(1))",
      "[click](<javascript:alert(1)>)",
      "![x](javascript:alert(1))",
      "<javascript:alert(1)>",
      "[a](https://example.org \"title\\\" onmouseover=\\\"alert(1)\")",
      "<div style=\"background:url(javascript:alert(1))\">x</div>",
      "<p style=\"behavior:url(x.htc)\">x</p>",
      "<style>@import 'https://evil.example/x.css';</style>",
      "<link rel=stylesheet href=https://evil.example/x.css>",
      "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
      "<base href=\"https://evil.example/\">",
      "<form action=\"javascript:alert(1)\"><button>go</button></form>",
      "<input autofocus onfocus=alert(1)>",
      "<details open ontoggle=alert(1)>x</details>",
      "<body onload=alert(1)>",
      "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
      "<template><script>alert(1)</script></template>",
      "<video><source onerror=alert(1)></video>",
      "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
      "<p onclick=\"alert(1)\" onmouseover=alert(1)>text</p>",
      "<h2 id=\"x\" onfocus=alert(1) tabindex=0>heading</h2>",
      "<a href=\"https://example.org\" target=\"_blank\" onclick=\"alert(1)\">x</a>",
      "<img src=\"https://example.org/a.png\" srcset=\"javascript:alert(1) 1x\">",
      "<a href=\"//evil.example/\">protocol-relative</a>",
      "<xss onafterscriptexecute=alert(1)><script>1</script>",
      "<scr<script>ipt>alert(1)</scr</script>ipt>",
      "<<script>script>alert(1)<</script>/script>",
      "\"><script>alert(1)</script>",
      "<!--<script>alert(1)</script>-->",
      "<![CDATA[<script>alert(1)</script>]]>"})
  void payloadComesOutHarmless(String payload) {
    String html = renderer.render("Before.\n\n" + payload + "\n\nAfter.").html();
    Element body = Jsoup.parseBodyFragment(html).body();

    for (Element element : body.select("body *")) {
      assertThat(FORBIDDEN_ELEMENTS).as("element <%s> in %s", element.tagName(), html).doesNotContain(element.tagName());
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        assertThat(name).as("attribute in %s", html).doesNotStartWith("on");
        assertThat(name).as("attribute in %s", html).isNotIn("style", "srcdoc", "srcset", "background", "formaction",
            "action", "data", "target");
        if (name.equals("href") || name.equals("src")) {
          assertThat(isSafeUrl(attribute.getValue())).as("%s=%s in %s", name, attribute.getValue(), html).isTrue();
        }
      }
    }
    assertThat(html).contains("Before.");
  }

  /** http, https, mailto, a scheme-relative {@code //host} link, or a path; never a script or data URL. */
  static boolean isSafeUrl(String url) {
    String compact = url.replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
    int colon = compact.indexOf(':');
    int slash = compact.indexOf('/');
    if (colon < 0 || (slash >= 0 && slash < colon)) {
      return true;
    }
    String scheme = compact.substring(0, colon);
    return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
  }
}
