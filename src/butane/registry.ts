// Which variant versions exist. Built-in variants register at start-up; a third
// party can register its own variant (or more versions) with registerVariant.

import type { VariantVersion } from "./variants/define";

const registry = new Map<string, VariantVersion>();

function key(variant: string, version: string): string {
  return `${variant}+${version}`;
}

/** Makes a variant version available to translate(). Registering a key twice is an error. */
export function registerVariant(def: VariantVersion): void {
  const k = key(def.variant, def.version);
  if (registry.has(k)) throw new Error(`a translator for ${def.variant} ${def.version} is already registered`);
  registry.set(k, def);
}

export function lookupVariant(variant: string, version: string): VariantVersion | undefined {
  return registry.get(key(variant, version));
}

/** Every registered variant version, in registration order. */
export function listVariants(): VariantVersion[] {
  return [...registry.values()];
}
