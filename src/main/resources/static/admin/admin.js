// ThinkPress admin conveniences. Everything works without this file; it only adds a live preview
// of the Markdown body (publications and campaigns), a slug proposed from the title, image upload
// into the body, and the live progress of a send.
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
