// ThinkPress admin conveniences. Everything works without this file; it only adds a live preview
// of the Markdown body (publications and campaigns), a slug proposed from the title, image upload
// into the body, ordering experts, topics and regions in place (arrows and drag, where the page
// alone sends the form to move them), and the live progress of a send.
(function () {
  "use strict";

  function csrfToken(form) {
    var field = form && form.querySelector("input[name=_csrf]");
    return field ? field.value : "";
  }

  // --- live preview: the server renders with the site's own pipeline and sanitizer ---------------
  var editor = document.getElementById("editor-form") || document.getElementById("campaign-form");
  var body = document.getElementById("body");
  var preview = document.getElementById("live-preview");
  if (editor && body && preview) {
    var timer = null;
    var pending = null;
    var render = function () {
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      var data = new FormData();
      data.append("body", body.value);
      fetch("/admin/preview", {
        method: "POST",
        body: data,
        headers: { "X-CSRF-Token": csrfToken(editor), "Accept": "application/json" },
        credentials: "same-origin",
        signal: pending.signal
      }).then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      }).then(function (result) {
        // The HTML comes from the server's sanitizer, the same one the public site uses.
        preview.innerHTML = result.html;
        preview.setAttribute("data-words", String(result.words));
      }).catch(function (error) {
        if (error.name !== "AbortError") {
          preview.textContent = "The preview could not be updated (" + error.message + ").";
        }
      });
    };
    body.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(render, 300);
    });
    render();
  }

  // --- slug proposed from the title, until someone edits the slug by hand -----------------------
  var title = document.getElementById("title");
  var slug = document.getElementById("slug");
  if (title && slug && slug.getAttribute("data-proposed") === "yes") {
    var touched = slug.value !== "";
    slug.addEventListener("input", function () { touched = slug.value !== ""; });
    title.addEventListener("input", function () {
      if (touched) {
        return;
      }
      // Latin letters lose their accents; other scripts are left to the server, which
      // transliterates Cyrillic and Armenian when the slug is left empty.
      slug.value = title.value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
        .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 120).replace(/-+$/, "");
    });
  }

  // --- image upload into the body at the cursor ---------------------------------------------------
  var upload = document.getElementById("upload-form");
  var status = document.getElementById("upload-status");
  if (upload && body) {
    upload.addEventListener("submit", function (event) {
      event.preventDefault();
      status.textContent = "Uploading…";
      fetch(upload.action, {
        method: "POST",
        body: new FormData(upload),
        headers: { "Accept": "application/json" },
        credentials: "same-origin"
      }).then(function (response) {
        return response.json().then(function (result) { return { ok: response.ok, result: result }; });
      }).then(function (answer) {
        if (!answer.ok) {
          status.textContent = "Not uploaded: " + answer.result.error;
          return;
        }
        var at = body.selectionStart || body.value.length;
        var snippet = "\n\n" + answer.result.markdown + "\n\n";
        body.value = body.value.slice(0, at) + snippet + body.value.slice(at);
        body.dispatchEvent(new Event("input"));
        status.textContent = "Uploaded and added to the body: " + answer.result.markdown;
        upload.reset();
      }).catch(function (error) {
        status.textContent = "Not uploaded: " + error.message;
      });
    });
  }

  // --- ordered lists (byline, topics, regions): move in place instead of sending the form ---------
  // The server orders the ticked entries by their position fields; this keeps those fields
  // numbered 1, 2, 3... in the order the entries are shown, whatever moved them.
  Array.prototype.forEach.call(document.querySelectorAll("fieldset.ordered"), function (fieldset) {
    var list = fieldset.querySelector("ol");
    var name = fieldset.id.replace(/-choice$/, "");
    var items = function () { return Array.prototype.slice.call(list.children); };
    var ticked = function (item) { return item.querySelector("input[type=checkbox]").checked; };
    var label = function (item) { return item.querySelector("label").textContent.trim(); };
    var button = function (item, direction) {
      var found = item.querySelector("button.move[value$=':" + direction + "']");
      if (!found) {
        found = document.createElement("button");
        found.type = "submit";
        found.name = "move";
        found.className = "move move-" + direction;
        found.formNoValidate = true;
        found.value = name + ":" + item.querySelector("input[type=checkbox]").value + ":" + direction;
        found.textContent = direction === "up" ? "\u2191" : "\u2193";
        found.setAttribute("aria-label", "Move " + label(item) + " " + direction);
        // Up before down, as the page puts them.
        item.insertBefore(found, direction === "up" ? item.querySelector("button.move-down") : null);
      }
      return found;
    };
    var renumber = function () {
      var chosen = items().filter(ticked);
      items().forEach(function (item) {
        var at = chosen.indexOf(item);
        item.className = at >= 0 ? "ticked" : "unticked";
        item.querySelector("input[type=number]").value = at >= 0 ? String(at + 1) : "";
        button(item, "up").hidden = at <= 0;
        button(item, "down").hidden = at < 0 || at === chosen.length - 1;
        item.draggable = at >= 0;
      });
    };
    // Puts an entry just after the ticked ones (other than itself): where a newly ticked one joins
    // the end of the list, and where an unticked one leaves it.
    var placeAfterTicked = function (item) {
      var others = items().filter(function (entry) { return entry !== item && ticked(entry); });
      var last = others.length ? others[others.length - 1] : null;
      list.insertBefore(item, last ? last.nextSibling : list.firstChild);
    };
    fieldset.addEventListener("click", function (event) {
      var pressed = event.target.closest("button.move");
      if (!pressed) {
        return;
      }
      event.preventDefault();
      var item = pressed.closest("li");
      if (pressed.value.slice(-3) === ":up" && item.previousElementSibling) {
        list.insertBefore(item, item.previousElementSibling);
      } else if (pressed.value.slice(-5) === ":down" && item.nextElementSibling && ticked(item.nextElementSibling)) {
        list.insertBefore(item.nextElementSibling, item);
      }
      renumber();
      // Keep the keyboard on the entry: on the arrow pressed, or on its box when that arrow is gone.
      if (pressed.hidden) {
        item.querySelector("input[type=checkbox]").focus();
      } else {
        pressed.focus();
      }
    });
    fieldset.addEventListener("change", function (event) {
      var item = event.target.closest("li");
      if (event.target.type === "checkbox") {
        placeAfterTicked(item);
      } else if (event.target.type === "number" && ticked(item)) {
        // As the server would: by number, a changed number first among equals, blank ones last.
        var chosen = items().filter(ticked).map(function (entry, index) {
          var typed = parseInt(entry.querySelector("input[type=number]").value, 10);
          return { entry: entry, position: isNaN(typed) ? Infinity : typed, changed: entry === item, index: index };
        });
        chosen.sort(function (a, b) {
          return a.position - b.position || (b.changed ? 1 : 0) - (a.changed ? 1 : 0) || a.index - b.index;
        });
        var rest = items().filter(function (entry) { return !ticked(entry); });
        chosen.forEach(function (entry) { list.appendChild(entry.entry); });
        rest.forEach(function (entry) { list.appendChild(entry); });
      }
      renumber();
    });
    var dragged = null;
    list.addEventListener("dragstart", function (event) {
      dragged = event.target.closest("li");
      dragged.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
    });
    list.addEventListener("dragover", function (event) {
      var over = event.target.closest("li");
      if (!dragged || !over || over === dragged || !ticked(over)) {
        return;
      }
      event.preventDefault();
      var box = over.getBoundingClientRect();
      list.insertBefore(dragged, event.clientY < box.top + box.height / 2 ? over : over.nextSibling);
    });
    list.addEventListener("dragend", function () {
      if (dragged) {
        dragged.classList.remove("dragging");
        dragged = null;
        renumber();
      }
    });
    renumber();
  });

  // --- a send's progress, asked for every few seconds while it is unfinished ----------------------
  var progress = document.getElementById("send-progress");
  if (progress && progress.getAttribute("data-finished") === "no") {
    var bar = document.getElementById("send-bar");
    var state = document.getElementById("send-state");
    var poll = function () {
      fetch(progress.getAttribute("data-progress-url"), {
        headers: { "Accept": "application/json" },
        credentials: "same-origin"
      }).then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      }).then(function (counts) {
        Array.prototype.forEach.call(progress.querySelectorAll("[data-count]"), function (element) {
          var name = element.getAttribute("data-count");
          if (Object.prototype.hasOwnProperty.call(counts, name)) {
            element.textContent = String(counts[name]);
          }
        });
        bar.max = Math.max(1, counts.total);
        bar.value = counts.done;
        bar.textContent = counts.done + " of " + counts.total;
        if (counts.finished) {
          // The failures list and the retry button come with the page.
          state.textContent = " · finished";
          if (counts.failed > 0) {
            window.location.reload();
          }
          return;
        }
        state.textContent = " · in progress";
        setTimeout(poll, 2000);
      }).catch(function (error) {
        state.textContent = " · live counts stopped (" + error.message + "); reload the page";
      });
    };
    setTimeout(poll, 2000);
  }
})();
