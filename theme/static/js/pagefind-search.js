// Search page: Pagefind's modular UI (15 kB) on our own labelled form. Pagefind's engine and
// index load at the first query, not on page load nor on focus, so the page stays light.
// Without JavaScript this file never runs: the form stays hidden and the notice listing the
// site's indexes stays visible.
(function () {
  "use strict";
  var form = document.getElementById("recherche");
  if (!form || typeof PagefindModularUI === "undefined") { return; }
  var input = document.getElementById("champ-recherche");
  var summary = document.getElementById("recherche-resume");
  var instance = new PagefindModularUI.Instance({ showImages: false });
  // The Input component loads Pagefind on focus; defer that to the first search.
  instance.triggerLoad = function () {};
  instance.add(new PagefindModularUI.Input({ inputElement: "#champ-recherche" }));
  instance.add(new PagefindModularUI.ResultList({ containerElement: "#recherche-resultats",
                                                  showImages: false }));
  var term = "";
  instance.on("search", function (value) { term = value; });
  instance.on("loading", function () {
    if (term) { summary.textContent = "Recherche de « " + term + " »…"; }
  });
  instance.on("results", function (result) {
    var n = (result && result.results) ? result.results.length : 0;
    summary.textContent = !term ? "" : n === 0 ? "Aucun résultat pour « " + term + " »."
      : n + " résultat" + (n > 1 ? "s" : "") + " pour « " + term + " ».";
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    instance.triggerSearch(input.value);
  });
  form.hidden = false;
  document.getElementById("sans-js").hidden = true;
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) {
    input.value = q;
    instance.triggerSearch(q);
  }
}());
