/* gongkai 政府信息公开平台 — search-as-you-type for the header search box.
 * Progressive enhancement: without this script the box is a plain search form.
 * ARIA 1.2 combobox pattern: the input is the combobox, the suggestions a listbox;
 * ↑/↓ move, Enter picks, Escape closes. Titles are inserted as text, never as HTML. */
(function () {
  "use strict";
  var DELAY_MS = 180;

  function enhance(input) {
    var root = input.closest("[data-suggest-root]") || input.parentNode;
    var form = input.form;
    var url = input.getAttribute("data-suggest");
    var listId = input.id + "-listbox";
    var list = document.createElement("ul");
    var status = document.createElement("div");
    var options = [];
    var active = -1;
    var timer = 0;
    var seq = 0;
    var lastQuery = "";

    list.id = listId;
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "搜索建议");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    root.appendChild(list);
    root.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    function setActive(index) {
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "false");
        options[active].classList.remove("active");
      }
      active = index;
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "true");
        options[active].classList.add("active");
        input.setAttribute("aria-activedescendant", options[active].id);
        options[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      setActive(-1);
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function open() {
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function choose(index) {
      var option = options[index];
      if (!option) return;
      input.value = option.getAttribute("data-value");
      close();
      if (form) {
        if (typeof form.requestSubmit === "function") form.requestSubmit();
        else form.submit();
      }
    }

    /* The title with the first occurrence of the typed text in <mark>, built as DOM nodes. */
    function label(option, title, typed) {
      var at = typed ? title.toLowerCase().indexOf(typed.toLowerCase()) : -1;
      if (at < 0) {
        option.textContent = title;
        return;
      }
      var mark = document.createElement("mark");
      mark.textContent = title.slice(at, at + typed.length);
      option.appendChild(document.createTextNode(title.slice(0, at)));
      option.appendChild(mark);
      option.appendChild(document.createTextNode(title.slice(at + typed.length)));
    }

    function render(titles, typed) {
      list.textContent = "";
      options = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      titles.forEach(function (title, i) {
        if (typeof title !== "string") return;
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-value", title);
        label(option, title, typed);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); /* keep focus in the input */
        });
        option.addEventListener("click", function () {
          choose(options.indexOf(option));
        });
        options.push(option);
        list.appendChild(option);
      });
      if (options.length) {
        status.textContent = "有 " + options.length + " 条搜索建议，可用上下方向键选择。";
        open();
      } else {
        status.textContent = "";
        close();
      }
    }

    function fetchSuggestions() {
      var typed = input.value.trim();
      if (typed === lastQuery) {
        open();
        return;
      }
      lastQuery = typed;
      if (!typed) {
        render([], "");
        return;
      }
      var mine = ++seq;
      fetch(url + "?q=" + encodeURIComponent(typed), {
        headers: { Accept: "application/json" },
        credentials: "same-origin"
      })
        .then(function (response) {
          return response.ok ? response.json() : [];
        })
        .then(function (titles) {
          if (mine === seq && document.activeElement === input) {
            render(Array.isArray(titles) ? titles : [], typed);
          }
        })
        .catch(function () {
          if (mine === seq) render([], "");
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !list.hidden;
      switch (event.key) {
        case "ArrowDown":
          if (!options.length) return;
          event.preventDefault();
          if (!expanded) open();
          setActive(active + 1 >= options.length ? 0 : active + 1);
          break;
        case "ArrowUp":
          if (!options.length) return;
          event.preventDefault();
          if (!expanded) open();
          setActive(active <= 0 ? options.length - 1 : active - 1);
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault();
            choose(active);
          }
          break;
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () {
      close();
    });
  }

  function init() {
    var inputs = document.querySelectorAll("input[data-suggest]");
    for (var i = 0; i < inputs.length; i++) {
      if (typeof window.fetch === "function" && inputs[i].id) enhance(inputs[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
