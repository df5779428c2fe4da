// Ignition → Butane (see docs/decompile.md).
export { decompile, decompileDetailed, type DecompileOptions, type DecompileResult } from "./decompile";
export { normalizeIgnition } from "./normalize";
