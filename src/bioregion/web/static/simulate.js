// The simulation page: choosing a scenario shows its levers; a run's page polls its progress until it is done.
(function () {
  "use strict";
  const select = document.getElementById("scenario");
  if (select) select.addEventListener("change", function () { select.form.submit(); });

  const status = document.getElementById("sim-status");
  if (!status) return;
  const bar = document.getElementById("sim-progress");
  const count = document.getElementById("sim-count");
  const url = "/api/simulations/" + encodeURIComponent(status.dataset.run);

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (run) {
        if (!run.status) { count.textContent = run.error ? run.error.message : "unknown run"; return; }
        bar.max = run.total;
        bar.value = run.done;
        count.textContent = run.done + " of " + run.total + " replicates";
        if (run.status === "done" || run.status === "failed") { window.location.reload(); return; }
        window.setTimeout(poll, 600);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  poll();
})();
