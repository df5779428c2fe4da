// Which variant versions exist. Built-in variants register loaders at start-up (their
// definitions are built on first use); a third party can register its own variant
// versions with registerVariant.

import type { VariantVersion } from "./variants/define";

const registry = new Map<string, VariantVersion>();
const loaders = new Map<string, () => readonly VariantVersion[]>();
/** Variants whose loader has run: a second loader for them is refused too. */
const loaded = new Set<string>();

function key(variant: string, version: string): string {
  return `${variant}+${version}`;
}

/** Makes a variant version available to translate(). Registering a key twice is an error. */
export function registerVariant(def: VariantVersion): void {
  load(def.variant);
  const k = key(def.variant, def.version);
  if (registry.has(k)) throw new Error(`a translator for ${def.variant} ${def.version} is already registered`);
  registry.set(k, def);
}

/** Registers every version of a variant at once, built when first needed. */
export function registerVariantLoader(variant: string, build: () => readonly VariantVersion[]): void {
  if (loaders.has(variant) || loaded.has(variant)) throw new Error(`variant ${variant} already has a loader`);
  loaders.set(variant, build);
}

function load(variant: string): void {
  const build = loaders.get(variant);
  if (!build) return;
  loaders.delete(variant);
  loaded.add(variant);
  for (const def of build()) registerVariant(def);
}

export function lookupVariant(variant: string, version: string): VariantVersion | undefined {
  load(variant);
  return registry.get(key(variant, version));
}

/** Every registered variant version (loading all of them). */
export function listVariants(): VariantVersion[] {
  for (const v of [...loaders.keys()]) load(v);
  return [...registry.values()];
}
