// The network map: nodes placed by the server, coloured and sized here, filtered by a year slider.
// Data arrives as JSON in <script type="application/json" id="map-data">; names are drawn on the
// canvas or set with textContent, never parsed as HTML.
(function () {
  "use strict";
  // Styles come from the server (bioregion.web.palette): one colour per kind, one shape per sphere.
  const data = JSON.parse(document.getElementById("map-data").textContent);
  const STYLE = data.palette;
  const UNKNOWN_KIND = { colour: STYLE.other, shape: "round-rectangle", sphere: "other" };
  const kindStyle = (kind) => STYLE.kinds[kind] || UNKNOWN_KIND;
  const colourBy = document.getElementById("colour-by");
  const sizeBy = document.getElementById("size-by");
  const slider = document.getElementById("year");
  const legend = document.getElementById("legend");

  const elements = data.nodes.map((n, i) => ({ group: "nodes", data: { id: "n" + i, org: n.id, label: n.name, raw: n },
                                                position: { x: n.x, y: n.y } }));
  data.edges.forEach((e, i) => elements.push({ group: "edges", data: { id: "e" + i, source: "n" + e.s, target: "n" + e.t, year: e.year } }));

  const cy = cytoscape({
    container: document.getElementById("cy"), elements: elements, layout: { name: "preset" },
    textureOnViewport: true, hideEdgesOnViewport: data.edges.length > 3000, pixelRatio: 1, minZoom: 0.05, maxZoom: 8,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)",
                                   shape: "data(shape)", "border-width": 0.5, "border-color": "#5b6670", label: "",
                                   "font-size": 10, color: "#1f2933" } },
      { selector: "node:selected, node.hover", style: { label: "data(label)", "border-width": 2, "border-color": "#12303d",
                                                        "text-background-color": "#fff", "text-background-opacity": 0.8 } },
      { selector: "edge", style: { width: 0.6, "line-color": "#9fb0bb", "curve-style": "haystack", opacity: 0.6 } },
      { selector: ".hidden", style: { display: "none" } },
      { selector: ".labelled", style: { label: "data(label)", "text-valign": "bottom", "text-margin-y": 3 } },
    ],
  });
  window.bioregionMap = cy;
  if (data.nodes.length <= 150) cy.nodes().addClass("labelled");

  function categories(key) {
    const counts = {};
    data.nodes.forEach((n) => { counts[n[key]] = (counts[n[key]] || 0) + 1; });
    return Object.keys(counts).sort((a, b) => counts[b] - counts[a]);
  }

  function colours(key) {
    if (key === "kind") {
      const count = {};
      data.nodes.forEach((n) => { count[n.kind] = (count[n.kind] || 0) + 1; });
      const rank = (k) => STYLE.spheres.indexOf(kindStyle(k).sphere);
      const kinds = Object.keys(count).sort((a, b) => rank(a) - rank(b) || count[b] - count[a] || (a < b ? -1 : 1));
      const colourOf = {};
      kinds.forEach((k) => { colourOf[k] = kindStyle(k).colour; });
      return { shown: kinds, colourOf: colourOf, others: 0 };
    }
    const cats = categories(key);
    const colourOf = {};
    cats.forEach((c, i) => { colourOf[c] = i < STYLE.categories.length ? STYLE.categories[i] : STYLE.other; });
    return { shown: cats.slice(0, STYLE.categories.length), colourOf: colourOf,
             others: Math.max(0, cats.length - STYLE.categories.length) };
  }

  function legendRow(colour, shape, text) {
    const row = document.createElement("div");
    const mark = document.createElement("i");
    mark.style.background = colour;
    mark.className = "shape-" + shape;
    row.appendChild(mark);
    row.appendChild(document.createTextNode(text));
    legend.appendChild(row);
  }

  function paint() {
    const key = colourBy.value;
    const scheme = colours(key);
    const metric = sizeBy.value;
    const peak = Math.max(1e-9, ...data.nodes.map((n) => n[metric] || 0));
    cy.batch(() => cy.nodes().forEach((node) => {
      const n = node.data("raw");
      node.data("colour", scheme.colourOf[n[key]]);
      node.data("shape", kindStyle(n.kind).shape);
      node.data("size", 6 + 34 * Math.sqrt((n[metric] || 0) / peak));
    }));
    legend.textContent = "";
    let sphere = null;
    scheme.shown.forEach((c) => {
      if (key === "kind" && kindStyle(c).sphere !== sphere) {
        sphere = kindStyle(c).sphere;
        const head = document.createElement("b");
        head.textContent = sphere;
        legend.appendChild(head);
      }
      const shape = key === "kind" ? kindStyle(c).shape : "ellipse";
      legendRow(scheme.colourOf[c], shape, key === "community" ? "community " + c : String(c).replace(/_/g, " "));
    });
    if (scheme.others) legendRow(STYLE.other, "ellipse", scheme.others + " others");
    if (key !== "kind") {
      const note = document.createElement("small");
      note.textContent = "shape: sphere of the kind";
      legend.appendChild(note);
    }
  }

  function filterYear() {
    if (!slider) return;
    const year = Number(slider.value);
    const all = year >= Number(slider.max);
    document.getElementById("year-value").textContent = all ? slider.max + " (all)" : String(year);
    cy.batch(() => {
      cy.edges().forEach((e) => { const y = e.data("year"); e.toggleClass("hidden", !all && (y === null || y > year)); });
      cy.nodes().forEach((n) => {
        const raw = n.data("raw");
        const tied = n.connectedEdges().some((e) => !e.hasClass("hidden"));
        n.toggleClass("hidden", !all && !tied && !(raw.founded !== null && raw.founded <= year));
      });
    });
    document.getElementById("map-status").dataset.year = String(year);
  }

  cy.on("tap", "node", (evt) => { window.location.href = "/orgs/" + encodeURIComponent(evt.target.data("org")); });
  cy.on("mouseover", "node", (evt) => evt.target.addClass("hover"));
  cy.on("mouseout", "node", (evt) => evt.target.removeClass("hover"));
  colourBy.addEventListener("change", paint);
  sizeBy.addEventListener("change", paint);
  if (slider) slider.addEventListener("input", filterYear);
  document.getElementById("export-png").addEventListener("click", () => {
    const link = document.createElement("a");
    link.href = cy.png({ full: true, scale: 2, bg: "#ffffff" });
    link.download = "network.png";
    link.click();
  });
  paint();
  if (slider && Number(slider.value) < Number(slider.max)) filterYear();
  else if (slider) document.getElementById("year-value").textContent = slider.max + " (all)";
  cy.fit(undefined, 20);
  document.getElementById("cy").dataset.ready = "1";
})();
