// Served (never from file://): the service worker (web/sw.js) keeps the app's files for
// the next visit with no network. When a new release has installed beside the running one,
// the page says so and reloads into it when the user asks; never on its own, since a
// facilitator may be presenting. Drafts are saved at every change, so a reload loses nothing.
// The boot script calls it once the app has started and the page is idle: the worker then
// fetches the whole release, and Chromium compiles the wasm it stores, which would
// otherwise compete with the app's own start (the Start page took 1.2 to 1.9 s, not 0.5).
window.tradereadyKeepOffline = () => {
  if ("serviceWorker" in navigator) {
    const words = {
      en: ["A new version of TradeReady is ready.", "Reload"],
      fr: ["Une nouvelle version de TradeReady est prête.", "Recharger"],
      es: ["Una nueva versión de TradeReady está lista.", "Recargar"],
    };
    let asked = false;
    // Whether a release was running when the page opened: on a first visit the worker
    // takes the page over without a new release to offer.
    const had = navigator.serviceWorker.controller !== null;
    const offer = (worker) => {
      if (document.getElementById("update")) return;
      const [text, label] = words[document.documentElement.lang] || words.en;
      const bar = document.createElement("p");
      bar.id = "update";
      bar.setAttribute("role", "status");
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      // Another tab may have taken the new release already; then this one only reloads.
      button.onclick = () => {
        asked = true;
        if (worker && worker.state === "installed") worker.postMessage("update");
        else location.reload();
      };
      bar.append(text + " ", button);
      document.body.prepend(bar);
    };
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (asked) location.reload();
      else if (had) offer(null);
    });
    navigator.serviceWorker.register("sw.js").then(
      (registration) => {
        const waiting = (w) => w && w.state === "installed" && navigator.serviceWorker.controller && offer(w);
        waiting(registration.waiting);
        registration.addEventListener("updatefound", () => {
          const w = registration.installing;
          if (w) w.addEventListener("statechange", () => waiting(w));
        });
      },
      () => {},
    );
  }
};
