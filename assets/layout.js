// The page layout's UI-only toggles (namespace "layout"; wired in components/shell.py and
// dashboard/home/callbacks.py): the narrow screen's menu, the dashboard's filter panel and the
// count on its button. Plus the menu button of pages drawn outside Dash (the sign-in page).
(function () {
  "use strict";

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    layout: {
      // A button that opens or closes what it controls, and says so (aria-expanded).
      toggle: function (clicks, open) {
        var next = !open;
        return [next, String(next)];
      },

      // "Filters (2)": how many filters are set; the share's "any" is its unset value.
      countFilters: function (values) {
        var count = values.filter(function (value) {
          if (Array.isArray(value)) { return value.length > 0; }
          return value !== null && value !== undefined && value !== "" && value !== "any";
        }).length;
        return [count ? "(" + count + ")" : "", count === 0];
      }
    }
  });

  // Pages outside Dash have no callbacks: their menu button (data-nav-toggle) opens the
  // element named by its aria-controls.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-nav-toggle]");
    if (!button) { return; }
    var target = document.getElementById(button.getAttribute("aria-controls"));
    if (!target) { return; }
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    target.classList.toggle("show", open);
  });
})();
