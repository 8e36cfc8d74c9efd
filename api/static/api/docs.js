// The API reference page's console (api/templates/api/docs.html): sends a request with the given key.
(function () {
  const $ = (id) => document.getElementById(id);
  $("key").value = sessionStorage.getItem("apiKey") || "";
  document.querySelectorAll("button.use").forEach((b) => b.addEventListener("click", () => {
    $("method").value = b.dataset.method; $("path").value = b.dataset.path; $("path").focus();
  }));
  $("try").addEventListener("submit", async (event) => {
    event.preventDefault();
    sessionStorage.setItem("apiKey", $("key").value);
    const headers = {"Accept": "application/json"};
    if ($("key").value) headers["Authorization"] = "Api-Key " + $("key").value;
    if ($("ifmatch").value) headers["If-Match"] = $("ifmatch").value;
    const init = {method: $("method").value, headers, credentials: "same-origin"};
    if (init.method === "POST") {
      headers["Content-Type"] = "application/json";
      const csrf = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
      if (csrf) headers["X-CSRFToken"] = csrf.split("=")[1];
      init.body = $("body").value;
    }
    $("out").textContent = "…";
    try {
      const r = await fetch($("path").value, init);
      const text = await r.text();
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON */ }
      const etag = r.headers.get("ETag");
      $("out").textContent = r.status + " " + r.statusText + (etag ? "\nETag: " + etag : "") + "\n\n" + shown;
    } catch (e) { $("out").textContent = String(e); }
  });
})();
