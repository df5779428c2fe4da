// The playground's service worker: keeps this build's files so that the page opens and
// works offline after one visit. Cache-first for exactly those files; everything else
// (there is nothing else the page asks for) goes to the network untouched.

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface WorkerScope {
  location: Location;
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", f: (e: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", f: (e: FetchEvent) => void): void;
}

const sw = self as unknown as WorkerScope;
const CACHE = `butane-playground-${__CACHE_VERSION__}`;
const FILES = __PRECACHE__.map((f) => new URL(f, sw.registration.scope).href);
const KNOWN = new Set(FILES);

sw.addEventListener("install", (e) => {
  e.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(FILES))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener("activate", (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("butane-playground-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener("fetch", (e) => {
  if (e.request.method !== "GET") return;
  const url = new URL(e.request.url);
  url.search = "";
  url.hash = "";
  const key = url.href.endsWith("/index.html") ? url.href.slice(0, -"index.html".length) : url.href;
  if (!KNOWN.has(key)) return;
  e.respondWith(
    caches.open(CACHE).then(async (c) => (await c.match(key)) ?? fetch(e.request)),
  );
});
