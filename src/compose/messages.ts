// Messages of the compose extensions (compile-time merge, bundle). Not the
// reference's: these features are ours, so the wording is too.

export const COMPOSE_MSG = {
  cycle: (chain: readonly string[]) => `merge cycle: ${chain.join(" -> ")}`,
  tooDeep: (max: number) => `fragments nest more than ${max} levels deep`,
  cannotMerge: (name: string, why: string) => `cannot merge ${name}: ${why}`,
  mismatch: (name: string, variant: string, version: string, parentVariant: string, parentVersion: string) =>
    `cannot merge ${name}: it is ${variant} ${version}, this config is ${parentVariant} ${parentVersion}; fragments must have the same variant and version`,
  mismatchHere: (parentVariant: string, parentVersion: string) =>
    `a merged fragment must have the variant and version of the config it is merged into (${parentVariant} ${parentVersion})`,
  wrapperFieldIgnored: (key: string) => `${key} is not used in a merged fragment: the MachineConfig is written from the main config's`,
  bundleBinaryQuadlet: "cannot bundle: quadlet contents are not UTF-8 text, and quadlets take no data URL",
} as const;
