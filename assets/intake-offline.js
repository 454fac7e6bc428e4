// A form's Submit without a connection (components/form.offline_notice): the notice says so, in
// the page's language (its words come from the server), the draft stays in this browser
// (assets/draft.js) and the form is sent again when the connection returns, or on Retry.
//
// Two ways to find out: the browser knows it is offline (navigator.onLine), then the click never
// reaches Dash; or the request to the server fails (a network error, not an answer), which Dash
// would meet by leaving Submit disabled for ever ("running" is only undone by an answer): here
// the failure is answered as "no update" instead. A resend carries the same client_id: if the lost request had been stored,
// the server answers with that report instead of storing it twice (data/reports/submit.py).
(function () {
  "use strict";
  var waiting = {}; // submit id → true while its form waits for the connection

  function noticeFor(submitId) {
    var found = null;
    document.querySelectorAll("[data-offline-submit]").forEach(function (notice) {
      if (notice.getAttribute("data-offline-submit") === submitId) {
        found = notice;
      }
    });
    return found;
  }

  function setProps(id, props) {
    var dc = window.dash_clientside;
    if (dc && dc.set_props) {
      dc.set_props(id, props);
    }
  }

  function offline(submitId) {
    var notice = noticeFor(submitId);
    if (!notice) {
      return;
    }
    waiting[submitId] = true;
    setProps(notice.id, { hidden: false });
    window.setTimeout(function () {
      var shown = document.getElementById(notice.id);
      if (shown) {
        shown.focus();
      }
    }, 50);
  }

  function resend(submitId) {
    var button = document.getElementById(submitId);
    var notice = noticeFor(submitId);
    if (!button || !notice) {
      delete waiting[submitId];
      return;
    }
    if (navigator.onLine === false) {
      offline(submitId); // still none: the notice stays, focused again
      return;
    }
    delete waiting[submitId];
    setProps(notice.id, { hidden: true });
    button.click();
  }

  // Before Dash sees the click (capture, on the document): offline, it is not sent at all.
  document.addEventListener(
    "click",
    function (event) {
      var target = event.target.closest ? event.target.closest("button[id]") : null;
      if (!target) {
        return;
      }
      var retryOf = target.closest("[data-offline-submit]");
      if (retryOf) {
        event.preventDefault();
        resend(retryOf.getAttribute("data-offline-submit"));
        return;
      }
      var notice = noticeFor(target.id);
      if (!notice) {
        return;
      }
      if (navigator.onLine === false) {
        event.preventDefault();
        event.stopPropagation();
        offline(target.id);
      } else if (!notice.hidden) {
        setProps(notice.id, { hidden: true });
      }
    },
    true
  );

  window.addEventListener("online", function () {
    Object.keys(waiting).forEach(resend);
  });

  // A submission whose request failed without an answer: which form's Submit sent it.
  function submitOf(init) {
    if (!init || typeof init.body !== "string" || init.body.indexOf("n_clicks") < 0) {
      return null;
    }
    try {
      var changed = JSON.parse(init.body).changedPropIds || [];
      for (var i = 0; i < changed.length; i++) {
        var id = changed[i].slice(0, changed[i].lastIndexOf("."));
        if (changed[i].slice(id.length) === ".n_clicks" && noticeFor(id)) {
          return id;
        }
      }
    } catch (err) {
      return null;
    }
    return null;
  }

  var send = window.fetch;
  if (send) {
    window.fetch = function (input, init) {
      var answer = send.apply(this, arguments);
      var url = typeof input === "string" ? input : (input && input.url) || "";
      if (url.indexOf("_dash-update-component") < 0) {
        return answer;
      }
      var submitId = submitOf(init);
      if (!submitId) {
        return answer;
      }
      return answer.catch(function () {
        // Answered as "no update" (204): Dash then undoes "running" itself (Submit enabled
        // again) and logs no error of its own; the notice says what happened.
        offline(submitId);
        return new Response(null, { status: 204 });
      });
    };
  }
})();
