// Search as you type, for the search page's box: suggestions of matching titles under the box,
// as an ARIA combobox (arrow keys move, Enter opens, Escape closes). The page works without it:
// the form is a plain GET to /search. Text goes into the page as text, never as HTML.
(function () {
  'use strict';
  var input = document.querySelector('input[data-suggest]');
  if (!input || !window.fetch) {
    return;
  }
  var endpoint = input.getAttribute('data-suggest');
  var list = document.createElement('ul');
  list.id = 'search-suggestions';
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', input.getAttribute('data-suggest-label') || 'Suggestions');
  list.hidden = true;
  input.parentNode.appendChild(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  var timer = null;
  var latest = 0;
  var active = -1;

  function close() {
    list.hidden = true;
    list.textContent = '';
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function show(suggestions) {
    list.textContent = '';
    active = -1;
    suggestions.forEach(function (suggestion, index) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.id = 'search-suggestion-' + index;
      link.href = suggestion.url;
      link.setAttribute('role', 'option');
      link.setAttribute('lang', suggestion.language);
      link.appendChild(document.createTextNode(suggestion.title));
      var meta = document.createElement('span');
      meta.textContent = suggestion.meta;
      link.appendChild(meta);
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', suggestions.length === 0 ? 'false' : 'true');
  }

  function fetchSuggestions() {
    var text = input.value;
    if (text.trim().length < 2) {
      close();
      return;
    }
    var request = ++latest;
    fetch(endpoint + '?q=' + encodeURIComponent(text), { headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (body) {
        if (request === latest) {
          show(Array.isArray(body.suggestions) ? body.suggestions : []);
        }
      })
      .catch(close);
  }

  function move(step) {
    var options = list.querySelectorAll('a');
    if (options.length === 0) {
      return;
    }
    if (active >= 0) {
      options[active].setAttribute('aria-selected', 'false');
    }
    active = (active + step + options.length) % options.length;
    options[active].setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', options[active].id);
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 200);
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'Escape') {
      close();
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      window.location.href = list.querySelectorAll('a')[active].href;
    }
  });
  input.addEventListener('blur', function () {
    setTimeout(close, 150);
  });
}());
