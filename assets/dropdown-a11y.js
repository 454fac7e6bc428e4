// Dash 4.4's dcc.Dropdown puts keyboard focus on an input marked aria-hidden, so screen readers
// meet a focusable element with no name or role (axe: aria-hidden-focus). Expose that input as
// the combobox it acts as, named by the field's label, with its expanded state kept in sync.
(function () {
  function label(button) {
    var text = "";
    var byFor = button.id && document.querySelector('label[for="' + CSS.escape(button.id) + '"]');
    if (byFor) { text = byFor.textContent; }
    if (!text) { text = button.getAttribute("aria-label") || ""; }
    return text.replace(/\s*\*\s*$/, "").trim();
  }
  function set(element, name, value) {
    // Only real changes: an unchanged setAttribute still wakes the observer below.
    if (element.getAttribute(name) !== value) { element.setAttribute(name, value); }
  }
  function mend(target) {
    var button = target.nextElementSibling;
    if (!button || !button.classList.contains("dash-dropdown")) { return; }
    if (target.hasAttribute("aria-hidden")) { target.removeAttribute("aria-hidden"); }
    set(target, "role", "combobox");
    set(target, "aria-haspopup", "listbox");
    set(target, "aria-expanded", button.getAttribute("aria-expanded") || "false");
    var name = label(button);
    var value = button.querySelector(".dash-dropdown-value");
    var chosen = value && !value.classList.contains("dash-dropdown-placeholder")
      ? value.textContent : "";
    if (name) { set(target, "aria-label", chosen ? name + ": " + chosen : name); }
  }
  function mendAll(root) {
    root.querySelectorAll(".dash-dropdown-focus-target").forEach(mend);
  }
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      var node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      var wrapper = node && node.closest(".dash-dropdown-wrapper");
      if (wrapper) { mendAll(wrapper); } else if (record.addedNodes.length) { mendAll(document); }
    });
  }).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, characterData: true,
    attributeFilter: ["aria-hidden", "aria-expanded"],
  });
})();

// The keyboard inside an open menu (Dash 4.4's dcc.Dropdown, assets/pickers.css for the look):
// - every open puts the focus in the search box, also on a filled dropdown (Dash focused the
//   chosen option, where typing did nothing and ArrowDown then Enter picked its neighbour);
// - Enter chooses an option only after the person moved to it: Enter in the empty search box
//   does nothing, Enter after typing takes the first match that can be chosen (never a group
//   header), and Enter on the option already chosen keeps it (Dash unselected it);
// - arrows skip group headers (disabled options), and typing on an option searches;
// - a group header is announced as one (aria-disabled, aria-roledescription).
(function () {
  var MOVES = ["ArrowDown", "ArrowUp", "PageDown", "PageUp", "Home", "End", "Tab"];
  var moved = new WeakSet(); // menus (.dash-dropdown-content) the person has moved in

  function menuOf(node) {
    return node && node.closest ? node.closest(".dash-dropdown-content") : null;
  }
  function optionOf(node) {
    return node && node.closest ? node.closest('[role="option"]') : null;
  }
  function searchOf(menu) {
    return menu.querySelector(".dash-dropdown-search");
  }
  function single(menu) {
    return !!menu.querySelector('[role="option"] input[type="radio"]');
  }
  function key(target, name) {
    // Dash's own handler (React listens at the app's root) moves its index and the focus.
    target.dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true }));
  }
  function close(menu) {
    key(searchOf(menu) || menu, "Escape");
  }
  function headers(menu) {
    // React reuses an option's element for whatever option comes to its place (a search
    // moves "2. Funding…" to where a header was): mark every option anew, never only headers.
    menu.querySelectorAll('[role="option"]').forEach(function (option) {
      var heading = option.querySelector(".picker-heading");
      var role = heading && heading.getAttribute("data-role");
      if (heading) {
        if (option.getAttribute("aria-disabled") !== "true") {
          option.setAttribute("aria-disabled", "true");
        }
        if (role && option.getAttribute("aria-roledescription") !== role) {
          option.setAttribute("aria-roledescription", role);
        }
      } else {
        option.removeAttribute("aria-disabled");
        option.removeAttribute("aria-roledescription");
      }
    });
  }

  document.addEventListener("focusin", function (event) {
    var menu = menuOf(event.target);
    if (!menu) { return; }
    headers(menu);
    // Dash focuses the chosen option when a filled menu opens: send the focus to the search
    // box through Dash's own Home key, so its index is the search box's too.
    if (optionOf(event.target) && !moved.has(menu) && searchOf(menu)) {
      key(event.target, "Home");
    }
  }, true);

  document.addEventListener("pointerdown", function (event) {
    var menu = menuOf(event.target);
    if (menu) { moved.add(menu); }
  }, true);

  function printable(event) {
    return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
  }

  document.addEventListener("keydown", function (event) {
    // Typing on a closed dropdown opens it with the first key (Dash, on keyup) and moves the
    // focus to the search box a frame later: a fast typist's next key landed on the button
    // and was lost ("Ban" searched "Bn"). Once the menu is open, send the key there at once.
    var button = event.target.classList && event.target.classList.contains("dash-dropdown")
      ? event.target : null;
    if (button && printable(event) && button.getAttribute("aria-expanded") === "true") {
      var wrapper = button.closest(".dash-dropdown-wrapper");
      var box = wrapper && wrapper.querySelector(".dash-dropdown-search");
      if (box) { box.focus(); }
      return;
    }
    var menu = menuOf(event.target);
    if (!menu || !event.isTrusted) { return; }
    if (MOVES.indexOf(event.key) >= 0) { moved.add(menu); }
    var search = searchOf(menu);
    var option = optionOf(event.target);
    if (option && search && printable(event)) {
      search.focus(); // the key's character lands in the search box
    }
  }, true);

  // After Dash moved its index (its handler runs at the app's root, before this one on the
  // document): if the option it went to is a header, which cannot take the focus, move on.
  document.addEventListener("keydown", function (event) {
    var menu = menuOf(event.target);
    if (!menu || !event.isTrusted || ["ArrowDown", "ArrowUp"].indexOf(event.key) < 0) { return; }
    var here = optionOf(document.activeElement);
    var step = event.key === "ArrowDown" ? 1 : -1;
    var to = (here ? Number(here.getAttribute("data-option-index")) : -1) + step;
    var next = menu.querySelector('[data-option-index="' + to + '"] input');
    while (next && next.disabled) {
      key(event.target, event.key);
      to += step;
      next = menu.querySelector('[data-option-index="' + to + '"] input');
    }
  });

  // Headers drawn later (a long list draws its rows as it scrolls) are marked too.
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      var menu = menuOf(record.target.nodeType === 1 ? record.target : null);
      if (menu && (record.addedNodes.length || record.removedNodes.length)) { headers(menu); }
    });
  }).observe(document.documentElement, { subtree: true, childList: true });

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Enter") { return; }
    var menu = menuOf(event.target);
    if (!menu) { return; }
    var option = optionOf(event.target);
    if (option) {
      if (single(menu) && option.getAttribute("aria-selected") === "true") {
        event.stopPropagation();
        close(menu);
      }
      return;
    }
    var search = searchOf(menu);
    if (event.target !== search || !search.value) { return; }
    var first = menu.querySelector('[role="option"]');
    var input = first && first.querySelector("input");
    var chosen = first && first.getAttribute("aria-selected") === "true";
    if (input && !input.disabled && !(chosen && single(menu))) { return; } // Dash's own Enter
    event.stopPropagation();
    var candidates = Array.prototype.slice.call(menu.querySelectorAll('[role="option"]'));
    var pick = candidates.filter(function (o) { return !o.querySelector("input").disabled; })[0];
    if (!pick) { return; }
    if (single(menu) && pick.getAttribute("aria-selected") === "true") {
      close(menu);
    } else {
      pick.querySelector("input").click();
    }
  }, true);
})();
