// TradeReady's service worker: it keeps the app's own files, so that a page opened once
// opens again with no network. `cargo xtask dist` writes it into target/dist with the
// release's files and a cache name that changes with any of them; a new release therefore
// installs beside the old one and waits until a page asks for it (web/offline.js).
const CACHE = "{{CACHE}}";
const FILES = {{FILES}};

self.addEventListener("install", (event) => {
  // Every file of the release, asked of the server itself (not of the HTTP cache), or the
  // release is not installed at all: never half of one version and half of another.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("tradeready-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "update") self.skipWaiting();
});

// The release's files from the cache; anything else from the network. A page asked for
// with no network, under another name than the cached ones, is the app's page.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const kept = await cache.match(request, { ignoreSearch: true });
      if (kept) return kept;
      try {
        return await fetch(request);
      } catch (error) {
        const page = request.mode === "navigate" && (await cache.match("./"));
        if (page) return page;
        throw error;
      }
    }),
  );
});
