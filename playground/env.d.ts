// Butane configs imported as text (esbuild's "text" loader for .bu).
declare module "*.bu" {
  const text: string;
  export default text;
}

// Injected by scripts/build-playground.mjs into the service worker.
declare const __PRECACHE__: string[];
declare const __CACHE_VERSION__: string;

// Stylesheets imported for the bundle (esbuild writes them to app.css).
declare module "*.css";

// The completion/hover table folded from schemas/butane/*.json by scripts/build-playground.mjs.
declare module "butane:schema-table" {
  const table: unknown;
  export default table;
}
