// The file-name form of an Ignition spec version, shared by the generators
// (scripts/gen-schemas.mjs, gen-validators.mjs) and the code that looks up what they made.

/** "3.7.0-experimental" -> "3_7_experimental" */
export function versionSlug(version: string): string {
  const m = /^3\.(\d+)\.0(-experimental)?$/.exec(version);
  if (!m) throw new Error(`unexpected Ignition version ${version}`);
  return `3_${m[1]}${m[2] ? "_experimental" : ""}`;
}
