// The report form's draft, kept in this browser (localStorage) as it is typed: restored after a
// reload, a crash or a failed submission, cleared once the report is stored. Wired by
// clientside callbacks in intake/report/callbacks.py; the store ids.DRAFT gives the key prefix.
//
// A draft is stored under its form's client_id, which the tab that made it remembers in
// sessionStorage (kept across that tab's reloads). A reloaded tab finds its own draft and
// client_id again, so that a retried submission is recognised by the server as the same report
// (data/reports/submit.py) and stored once. A tab without a draft of its own (a new tab, or after a
// crash) takes over the newest other draft's values but keeps its own client_id: two open tabs
// never share one, or submitting both would store only the first report.
//
// Except when that draft was sent: Submit marks the draft `sent` before the server answers.
// If the answer never came (a timeout, then the tab closed or the browser crashed), the report
// may already be stored, so the tab taking the draft over adopts its client_id: a resend is
// answered with the first report instead of storing a second one. An answer that proves
// nothing was stored (answers needing attention, a rate limit) takes the mark off again
// (markRefused), so two tabs share a client_id only while a report may really exist.
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

  // A link of the error summary (components/fields.error_summary) moves the focus to its
  // field, not only the view: the link's target is the field's own element or its wrapper.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.error-link") : null;
    var target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) {
      return;
    }
    event.preventDefault();
    var control = target.matches("input, textarea, select") ? target : firstFocusable(target);
    target.scrollIntoView({ block: "center" });
    (control || target).focus({ preventScroll: true });
  });

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
        var adopted = !own && found.draft.sent ? found.draft.client_id : null;
        if (!own) {
          // Taken over: from now on it is this tab's draft, under this tab's client_id, or
          // under the sent draft's (kept in place, still marked sent).
          if (!adopted) {
            local.removeItem(found.key);
          }
          window.dash_clientside.intakeDraft.save(
            fieldIds.map(function (id) { return (found.draft.values || {})[id.name]; }),
            fieldIds,
            adopted || clientId,
            config
          );
        }
        var skip = config.skip || [];
        var saved = found.draft.values || {};
        var values = fieldIds.map(function (id) {
          var known = Object.prototype.hasOwnProperty.call(saved, id.name);
          return known && skip.indexOf(id.name) < 0 ? saved[id.name] : dc.no_update;
        });
        return [values, own ? mine : adopted || dc.no_update];
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
        var key = config.key + ":" + clientId;
        var before = read(local, key);
        var draft = { v: VERSION, client_id: clientId, values: kept, saved: Date.now() };
        if (before && before.sent) {
          draft.sent = true; // once sent, the report may exist: a later edit does not undo it
        }
        try {
          local.setItem(key, JSON.stringify(draft));
          session.setItem(config.key, clientId);
        } catch (err) {
          // Storage full: the form still works, only without a draft.
        }
      },

      // Submit was clicked: the report may be stored even if no answer arrives.
      markSent: function (nClicks, clientId, config) {
        var local = storage("localStorage");
        var session = storage("sessionStorage");
        if (!nClicks || !config || !clientId || !local || !session) {
          return;
        }
        var key = config.key + ":" + clientId;
        var draft = read(local, key);
        if (!draft) {
          return; // nothing typed was kept, so nothing could be taken over
        }
        draft.sent = true;
        try {
          local.setItem(key, JSON.stringify(draft));
          session.setItem(config.key, clientId);
        } catch (err) {
          // Storage full: the draft stays unmarked, as before this was added.
        }
      },

      // The server answered and stored nothing (answers needing attention, too many
      // submissions, a broken edit link): the draft is no longer "sent", so a new tab taking
      // it over gets a client_id of its own again. An unreachable database keeps the mark: the
      // write may have reached it before the connection broke.
      markRefused: function (summary, clientId, config) {
        var local = storage("localStorage");
        var id = summary && summary.props && summary.props.id;
        if (!id || id === "report-unavailable" || !config || !clientId || !local) {
          return;
        }
        var key = config.key + ":" + clientId;
        var draft = read(local, key);
        if (draft && draft.sent) {
          delete draft.sent;
          try {
            local.setItem(key, JSON.stringify(draft));
          } catch (err) {
            // Storage full: the mark stays, which only shares a client_id with a new tab.
          }
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

      // A field changed: its message and red outline go; the other fields' stay until the
      // next submission (components/form.register_submit).
      clearChanged: function (values, messageIds, wrapIds, classes) {
        var dc = window.dash_clientside;
        var changed = {};
        (dc.callback_context.triggered || []).forEach(function (trigger) {
          var id = trigger.prop_id.slice(0, trigger.prop_id.lastIndexOf("."));
          try {
            changed[JSON.parse(id).name] = true;
          } catch (err) {
            // not a field: nothing to clear
          }
        });
        var messages = messageIds.map(function (id) {
          return changed[id.name] ? "" : dc.no_update;
        });
        var wraps = wrapIds.map(function (id, i) {
          var before = classes[i] || "";
          if (!changed[id.name] || !/(^|\s)has-error(\s|$)/.test(before)) {
            return dc.no_update;
          }
          return before.replace(/(^|\s)has-error(?=\s|$)/g, "").trim();
        });
        return [messages, wraps];
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
