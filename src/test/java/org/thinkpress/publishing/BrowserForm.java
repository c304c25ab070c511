package org.thinkpress.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.thinkpress.admin.AdminClient;

/**
 * A form of a page as a browser would submit it, read from the page's HTML rather than rebuilt by
 * hand: the entry list of the HTML standard (enabled, named controls in tree order; checked boxes
 * only; selected options; text areas with their line breaks as CR LF; only the button pressed).
 * Tests change fields with {@link #set} and submit with {@link #submit}.
 */
final class BrowserForm {

  private final String action;
  private final List<Element> controls;
  private final Map<Element, String> changed = new java.util.HashMap<>();

  private BrowserForm(String action, List<Element> controls) {
    this.action = action;
    this.controls = controls;
  }

  /** The form with this id on the page; fails when there is none. */
  static BrowserForm of(String html, String formId) {
    Element form = Jsoup.parse(html).getElementById(formId);
    if (form == null || !form.tagName().equals("form")) {
      throw new IllegalStateException("no form#" + formId + " on the page");
    }
    return new BrowserForm(form.attr("action"), form.select("input, select, textarea, button"));
  }

  String action() {
    return action;
  }

  /** Types {@code value} into the one text field, text area or time field named {@code name}. */
  BrowserForm set(String name, String value) {
    List<Element> named = controls.stream().filter(c -> c.attr("name").equals(name)
        && !c.tagName().equals("button") && !List.of("checkbox", "radio", "submit").contains(type(c))).toList();
    if (named.size() != 1) {
      throw new IllegalStateException(named.size() + " fields named " + name);
    }
    changed.put(named.get(0), value);
    return this;
  }

  /** The entries sent when the button with this name and value is pressed: name, value, name, value... */
  List<String> entries(String buttonName, String buttonValue) {
    List<String> entries = new ArrayList<>();
    boolean pressed = false;
    for (Element control : controls) {
      String name = control.attr("name");
      if (name.isEmpty() || disabled(control)) {
        continue;
      }
      String type = type(control);
      if (control.tagName().equals("button") || type.equals("submit") || type.equals("image")) {
        if (!pressed && name.equals(buttonName) && control.attr("value").equals(buttonValue)) {
          pressed = true;
          entries.add(name);
          entries.add(buttonValue);
        }
        continue;
      }
      switch (control.tagName()) {
        case "select" -> {
          List<Element> selected = control.select("option[selected]");
          if (selected.isEmpty() && !control.hasAttr("multiple") && !control.select("option").isEmpty()) {
            selected = List.of(control.selectFirst("option"));
          }
          for (Element option : selected) {
            entries.add(name);
            entries.add(option.hasAttr("value") ? option.attr("value") : option.text());
          }
        }
        case "textarea" -> {
          entries.add(name);
          String value = changed.containsKey(control) ? changed.get(control) : control.wholeText();
          entries.add(value.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n"));
        }
        default -> {
          if ((type.equals("checkbox") || type.equals("radio")) && !control.hasAttr("checked")) {
            continue;
          }
          if (type.equals("reset") || type.equals("button") || type.equals("file")) {
            continue;
          }
          entries.add(name);
          entries.add(changed.getOrDefault(control, control.hasAttr("value") ? control.attr("value")
              : type.equals("checkbox") || type.equals("radio") ? "on" : ""));
        }
      }
    }
    if (!pressed) {
      throw new IllegalStateException("no button " + buttonName + "=" + buttonValue + " in the form");
    }
    return entries;
  }

  /** Submits the form as a browser does when the button is pressed; CSRF and all come from the page. */
  java.net.http.HttpResponse<String> submit(AdminClient client, String buttonName, String buttonValue) {
    return client.postRaw(action, entries(buttonName, buttonValue));
  }

  private static String type(Element control) {
    return control.tagName().equals("input") ? control.attr("type").toLowerCase(java.util.Locale.ROOT)
        : control.tagName();
  }

  /** Disabled itself, or inside a disabled fieldset (but not in that fieldset's first legend). */
  private static boolean disabled(Element control) {
    if (control.hasAttr("disabled")) {
      return true;
    }
    for (Element parent = control.parent(); parent != null; parent = parent.parent()) {
      if (parent.tagName().equals("fieldset") && parent.hasAttr("disabled")) {
        Element legend = parent.selectFirst("> legend");
        if (legend == null || !control.parents().contains(legend)) {
          return true;
        }
      }
    }
    return false;
  }
}
