// Development only (make devserver): reload this page when a build has finished. Served by
// tools/devserver.py at /__livereload.js; never part of output/ nor of a publish build.
(function () {
  "use strict";
  var seen = null;
  function poll() {
    fetch("/__livereload", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : seen; })
      .then(function (build) {
        if (seen !== null && build !== seen) { window.location.reload(); return; }
        seen = build;
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 2000); });  // server restarting
  }
  poll();
}());
