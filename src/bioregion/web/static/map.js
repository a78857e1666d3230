// The network map: nodes placed by the server, coloured and sized here, filtered by a year slider.
// Data arrives as JSON in <script type="application/json" id="map-data">; names are drawn on the
// canvas or set with textContent, never parsed as HTML.
//
// Fast first draw (2,000 nodes, 6,000 ties): colours, shapes and sizes are in the element data before
// Cytoscape starts (no restyling pass), the server's positions are used as they are (preset, no fit)
// and the viewport is computed from those positions, so Cytoscape never measures every element's
// bounding box. #cy gets data-ready="1" once the first frame is drawn.
(function () {
  "use strict";
  // Styles come from the server (bioregion.web.palette): one colour per kind, one shape per sphere.
  const data = JSON.parse(document.getElementById("map-data").textContent);
  const STYLE = data.palette;
  const UNKNOWN_KIND = { colour: STYLE.other, shape: "round-rectangle", sphere: "other" };
  const kindStyle = (kind) => STYLE.kinds[kind] || UNKNOWN_KIND;
  const MIN_SIZE = 6, SIZE_RANGE = 34, PADDING = 20;
  const container = document.getElementById("cy");
  const colourBy = document.getElementById("colour-by");
  const sizeBy = document.getElementById("size-by");
  const slider = document.getElementById("year");
  const legend = document.getElementById("legend");
  const labelled = data.nodes.length <= 150;

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

  // Colour of each category and size of each node, for the chosen keys.
  function scheme(key, metric) {
    const look = colours(key);
    let peak = 1e-9;
    data.nodes.forEach((n) => { peak = Math.max(peak, n[metric] || 0); });
    look.key = key;
    look.colour = (n) => look.colourOf[n[key]];
    look.size = (n) => MIN_SIZE + SIZE_RANGE * Math.sqrt((n[metric] || 0) / peak);
    return look;
  }

  // The zoom and pan that fit every node (as cy.fit would), from the positions and sizes we already know.
  function viewport(look) {
    if (!data.nodes.length) return { zoom: 1, pan: { x: 0, y: 0 } };
    let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    data.nodes.forEach((n) => {
      const half = look.size(n) / 2;
      x1 = Math.min(x1, n.x - half); x2 = Math.max(x2, n.x + half);
      y1 = Math.min(y1, n.y - half); y2 = Math.max(y2, n.y + half + (labelled ? 14 : 0));
    });
    const width = container.clientWidth || 800, height = container.clientHeight || 600;
    const zoom = Math.min(8, Math.max(0.05, Math.min((width - 2 * PADDING) / Math.max(x2 - x1, 1),
                                                     (height - 2 * PADDING) / Math.max(y2 - y1, 1))));
    return { zoom: zoom, pan: { x: width / 2 - zoom * (x1 + x2) / 2, y: height / 2 - zoom * (y1 + y2) / 2 } };
  }

  let look = scheme(colourBy.value, sizeBy.value);
  const elements = data.nodes.map((n, i) => ({ group: "nodes", position: { x: n.x, y: n.y },
    data: { id: "n" + i, org: n.id, label: n.name, raw: n, colour: look.colour(n), shape: kindStyle(n.kind).shape,
            size: look.size(n) } }));
  data.edges.forEach((e, i) => elements.push({ group: "edges", data: { id: "e" + i, source: "n" + e.s, target: "n" + e.t, year: e.year } }));
  const view = viewport(look);

  const cy = cytoscape({
    container: container, elements: elements, layout: { name: "preset", fit: false }, zoom: view.zoom, pan: view.pan,
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
  if (labelled) cy.nodes().addClass("labelled");

  function legendRow(colour, shape, text) {
    const row = document.createElement("div");
    const mark = document.createElement("i");
    mark.style.background = colour;
    mark.className = "shape-" + shape;
    row.appendChild(mark);
    row.appendChild(document.createTextNode(text));
    legend.appendChild(row);
  }

  function showLegend() {
    const key = look.key;
    legend.textContent = "";
    let sphere = null;
    look.shown.forEach((c) => {
      if (key === "kind" && kindStyle(c).sphere !== sphere) {
        sphere = kindStyle(c).sphere;
        const head = document.createElement("b");
        head.textContent = sphere;
        legend.appendChild(head);
      }
      const shape = key === "kind" ? kindStyle(c).shape : "ellipse";
      legendRow(look.colourOf[c], shape, key === "community" ? "community " + c : String(c).replace(/_/g, " "));
    });
    if (look.others) legendRow(STYLE.other, "ellipse", look.others + " others");
    if (key !== "kind") {
      const note = document.createElement("small");
      note.textContent = "shape: sphere of the kind";
      legend.appendChild(note);
    }
  }

  function paint() {
    look = scheme(colourBy.value, sizeBy.value);
    cy.batch(() => cy.nodes().forEach((node) => {
      const n = node.data("raw");
      node.data({ colour: look.colour(n), size: look.size(n) });
    }));
    showLegend();
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
  showLegend();
  if (slider && Number(slider.value) < Number(slider.max)) filterYear();
  else if (slider) document.getElementById("year-value").textContent = slider.max + " (all)";
  if (data.nodes.length) cy.one("render", () => { container.dataset.ready = "1"; });
  else container.dataset.ready = "1";
})();
