// Search page: start Pagefind's UI (pagefind-ui.js, loaded before this file). A static file, not
// an inline script: the page's Content-Security-Policy runs no inline code.
window.addEventListener("DOMContentLoaded", function () {
  // Only once Pagefind's UI has loaded is the no-JavaScript message hidden.
  if (typeof PagefindUI === "undefined") { return; }
  var ui = new PagefindUI({ element: "#recherche", showSubResults: true, showImages: false });
  document.getElementById("sans-js").hidden = true;
  // Pagefind's field is labelled by its title only: give it a visible label (WCAG 3.3.2).
  var input = document.querySelector("#recherche input");
  if (input) {
    input.id = "champ-recherche";
    var label = document.createElement("label");
    label.htmlFor = input.id;
    label.textContent = "Nom, lieu ou mot à chercher";
    document.getElementById("recherche").before(label);
  }
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { ui.triggerSearch(q); }
});
