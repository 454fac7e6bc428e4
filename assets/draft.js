// The report form's draft, kept in this browser (localStorage) as it is typed: restored after a
// reload, a crash or a failed submission, cleared once the report is stored. Wired by
// clientside callbacks in intake/callbacks.py; the store ids.DRAFT gives the key prefix.
//
// A draft is stored under its form's client_id, which the tab that made it remembers in
// sessionStorage (kept across that tab's reloads). A reloaded tab finds its own draft and
// client_id again, so that a retried submission is recognised by the server as the same report
// (intake/service.py) and stored once. A tab without a draft of its own (a new tab, or after a
// crash) takes over the newest other draft's values but keeps its own client_id: two open tabs
// never share one, or submitting both would store only the first report.
(function () {
  "use strict";
  var VERSION = 1;
  var MAX_AGE = 30 * 24 * 3600 * 1000; // older drafts are dropped

  function storage(kind) {
    try {
      return window[kind];
    } catch (err) {
      return null; // storage disabled: the form works, without drafts
    }
  }

  function read(store, key) {
    try {
      var draft = JSON.parse(store.getItem(key) || "null");
      return draft && draft.v === VERSION ? draft : null;
    } catch (err) {
      return null;
    }
  }

  // The newest draft under ``prefix`` (dropping expired ones), with its storage key.
  function newest(store, prefix) {
    var found = null;
    var keys = [];
    for (var i = 0; i < store.length; i++) {
      keys.push(store.key(i));
    }
    keys.forEach(function (key) {
      if (key.indexOf(prefix + ":") !== 0) {
        return;
      }
      var draft = read(store, key);
      if (!draft || Date.now() - (draft.saved || 0) > MAX_AGE) {
        store.removeItem(key);
      } else if (!found || draft.saved > found.draft.saved) {
        found = { key: key, draft: draft };
      }
    });
    return found;
  }

  function firstFocusable(root) {
    return root.querySelector(
      "input:not([type=hidden]):not([disabled]), textarea, select, " +
        "[tabindex]:not([tabindex='-1']), button"
    );
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    intakeDraft: {
      // Draft config → every field's value (untouched where the draft has none) and client_id.
      restore: function (config, fieldIds, clientId) {
        var dc = window.dash_clientside;
        var local = storage("localStorage");
        var session = storage("sessionStorage");
        if (!config || !local || !session) {
          throw dc.PreventUpdate;
        }
        var mine = session.getItem(config.key);
        var own = mine && read(local, config.key + ":" + mine);
        var found = own ? { key: config.key + ":" + mine, draft: own } : newest(local, config.key);
        if (!found) {
          throw dc.PreventUpdate;
        }
        if (!own) {
          // Taken over: from now on it is this tab's draft, under this tab's client_id.
          local.removeItem(found.key);
          window.dash_clientside.intakeDraft.save(
            fieldIds.map(function (id) { return (found.draft.values || {})[id.name]; }),
            fieldIds,
            clientId,
            config
          );
        }
        var skip = config.skip || [];
        var saved = found.draft.values || {};
        var values = fieldIds.map(function (id) {
          var known = Object.prototype.hasOwnProperty.call(saved, id.name);
          return known && skip.indexOf(id.name) < 0 ? saved[id.name] : dc.no_update;
        });
        return [values, own ? mine : dc.no_update];
      },

      save: function (values, fieldIds, clientId, config) {
        var local = storage("localStorage");
        var session = storage("sessionStorage");
        if (!config || !clientId || !local || !session) {
          return;
        }
        var skip = config.skip || [];
        var kept = {};
        fieldIds.forEach(function (id, i) {
          if (skip.indexOf(id.name) < 0 && values[i] !== undefined) {
            kept[id.name] = values[i];
          }
        });
        var draft = { v: VERSION, client_id: clientId, values: kept, saved: Date.now() };
        try {
          local.setItem(config.key + ":" + clientId, JSON.stringify(draft));
          session.setItem(config.key, clientId);
        } catch (err) {
          // Storage full: the form still works, only without a draft.
        }
      },

      // The report is stored: this tab's draft goes.
      clear: function (hidden, clientId, config) {
        var local = storage("localStorage");
        var session = storage("sessionStorage");
        if (hidden && config && local && session) {
          local.removeItem(config.key + ":" + clientId);
          session.removeItem(config.key);
        }
      },

      // After a failed submission: focus the first field with a message, else the notice.
      focusError: function (summary) {
        if (!summary) {
          return;
        }
        window.setTimeout(function () {
          var wrap = document.querySelector(".has-error");
          var target = wrap && firstFocusable(wrap);
          if (!target) {
            target = document.getElementById("report-error-summary");
          }
          if (target) {
            target.focus();
          }
        }, 50);
      },
    },
  });
})();
