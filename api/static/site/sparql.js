// The SPARQL page: YASGUI on this service's endpoint, and the cookbook's queries to load into it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const queries = JSON.parse(document.getElementById("cookbook-queries").textContent);
  const byName = Object.fromEntries(queries.map((q) => [q.name, q]));
  const picker = document.getElementById("cookbook");
  const answers = document.getElementById("cookbook-answers");
  // Nothing is kept between visits and nothing is fetched from elsewhere: this page works offline.
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: new URL("/sparql", window.location.href).href, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    endpointCatalogueOptions: { getData: () => [] },
    yasqe: { autocompleters: ["variables"] },
  });
  const load = () => {
    const chosen = byName[picker.value];
    answers.textContent = chosen.answers;
    yasgui.getTab().setQuery(chosen.query);
  };
  document.getElementById("cookbook-form").addEventListener("submit", (event) => {
    event.preventDefault();
    load();
  });
  load();
  window.zangraphYasgui = yasgui;
});
