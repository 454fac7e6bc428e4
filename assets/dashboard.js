// The public dashboard's clientside callbacks (wired in dashboard/home/callbacks.py and
// dashboard/compare/callbacks.py): the poll of the data version, the URL that restores the view,
// the pressed look of the one-click buttons, the phone-sized flag and "N minutes ago".
(function () {
  "use strict";

  // Pressed or not, for each button: its classes and its aria-pressed (classes from the
  // Store components.buttons.CLASSES, so the look is written once, in Python).
  function pressedLook(pressed, classes) {
    return [
      pressed.map(function (p) { return p ? classes.pressed : classes.unpressed; }),
      pressed.map(function (p) { return String(p); })
    ];
  }

  // A chart's "Show the data as a table" tells Dash when it opens or closes (html.Details does
  // not report its open state itself), so the server sends a table only while it can be read.
  // "toggle" does not bubble: it is caught on its way down.
  document.addEventListener("toggle", function (event) {
    var el = event.target;
    var dc = window.dash_clientside;
    if (el.tagName !== "DETAILS" || !el.id || !el.hasAttribute("data-sync-open")) { return; }
    if (dc && dc.set_props) { dc.set_props(el.id, { open: el.open }); }
  }, true);

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    dashboard: {
      // Every few seconds the browser asks /api/v1/version (a tiny JSON answer that HTTP
      // caches may serve); only a version that moved reaches the server's callbacks.
      pollVersion: async function (n, rendered) {
        var dc = window.dash_clientside;
        try {
          var response = await fetch("/api/v1/version", { headers: { Accept: "application/json" } });
          if (!response.ok) { return dc.no_update; }
          var body = await response.json();
          return body.version === rendered ? dc.no_update : body.version;
        } catch (e) {
          return dc.no_update;  // offline for a moment: keep what is shown
        }
      },

      // The filters and the view's toggles go to the URL query (defaults left out), so a link
      // restores the view. replaceState leaves Dash's page router alone (it would re-render the
      // page on a pushState).
      syncUrl: function (values, metric, view, weight, compare, names, defaults) {
        var params = new URLSearchParams();
        names.forEach(function (id, i) {
          if (values[i] && values[i] !== "any") { params.set(id.name, values[i]); }
        });
        var toggles = { metric: metric, view: view, weight: weight };
        Object.keys(toggles).forEach(function (name) {
          var value = toggles[name];
          if (value && value !== defaults[name]) { params.set(name, value); }
        });
        if (compare) { params.set("compare", compare); }
        var query = params.toString();
        var url = window.location.pathname + (query ? "?" + query : "");
        if (url !== window.location.pathname + window.location.search) {
          window.history.replaceState(window.history.state, "", url);
        }
        return window.dash_clientside.no_update;
      },

      // A chip is pressed while its group is filtered with "many" (a quarter or half) of them.
      pressChips: function (values, names, chips, classes) {
        var current = {};
        names.forEach(function (id, i) { current[id.name] = values[i]; });
        var many = current.share === "25" || current.share === "50";
        return pressedLook(
          chips.map(function (id) { return many && current.group === id.group; }),
          classes
        );
      },

      // A click on a comparison choice sets it; a second click on the same choice clears it.
      // The choices are drawn again when the filters change: buttons that just appeared (no
      // click yet) may fire this too, and must not choose anything.
      chooseComparison: function (clicks, current) {
        var context = window.dash_clientside.callback_context;
        var trigger = context.triggered_id;
        var clicked = (context.triggered || []).some(function (t) { return t.value > 0; });
        if (!trigger || !trigger.code || !clicked) { return window.dash_clientside.no_update; }
        return trigger.code === current ? null : trigger.code;
      },

      // The chosen comparison's button pressed, the others not.
      pressChoice: function (code, options, classes) {
        return pressedLook(
          options.map(function (id) { return id.code === code; }),
          classes
        );
      },

      // Phones get figures laid out for a narrow screen (shorter labels, smaller cell text).
      compact: function (lang) {
        return window.innerWidth < 576;
      },

      // "N minutes ago" in the viewer's language, kept true as time passes (Intl does the words).
      ago: function (iso, tick, lang) {
        if (!iso) { return ""; }
        var seconds = (new Date(iso).getTime() - Date.now()) / 1000;
        var format = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
        var steps = [[60, "second"], [3600, "minute"], [86400, "hour"], [Infinity, "day"]];
        var divisor = 1;
        for (var i = 0; i < steps.length; i++) {
          if (Math.abs(seconds) < steps[i][0]) {
            return format.format(Math.round(seconds / divisor), steps[i][1]);
          }
          divisor = steps[i][0];
        }
      }
    }
  });
})();
