// Cost ceilings: a hash string can name any cost its format allows, and a hash from
// somewhere else (a config under review, a form field) can name one that takes hours
// (`$6$rounds=999999999$…`) or gigabytes. Every hash is checked against these ceilings
// before any work is done. The defaults allow every cost mkpasswd and
// grub-mkpasswd-pbkdf2 use by default and several steps above, up to a few seconds of
// work each in Node on a small machine.
import { GRUB_PREFIX, parseGrub } from "./grub";
import { ROUNDS_MAX, ROUNDS_MIN } from "./shacrypt";
import { PasswordHashError } from "./util";
import { parseSetting } from "./yescrypt";

export interface CostLimits {
  /** SHA-crypt rounds (`$5$`/`$6$rounds=N$`). Default 5,000,000 (about 3 s; the default is 5,000). */
  shaRounds: number;
  /** bcrypt cost, log2 of the rounds. Default 14 (about 4 s; mkpasswd's default is 5). */
  bcryptCost: number;
  /** yescrypt memory in bytes. Default 1 GiB: crypt_gensalt count 11, the most mkpasswd makes. */
  yescryptMemory: number;
  /** yescrypt work, N·r·p·(t+1) in 128-byte blocks. Default 2^23: count 11 (about 4 s). */
  yescryptWork: number;
  /** GRUB PBKDF2-HMAC-SHA512 iterations. Default 5,000,000 (about 3 s; the default is 10,000). */
  pbkdf2Iterations: number;
}

export const DEFAULT_COST_LIMITS: Readonly<CostLimits> = Object.freeze({
  shaRounds: 5_000_000,
  bcryptCost: 14,
  yescryptMemory: 2 ** 30,
  yescryptWork: 2 ** 23,
  pbkdf2Iterations: 5_000_000,
});

/** No ceilings: for a caller hashing with parameters it chose itself (butane-mkpasswd -R). */
export const NO_COST_LIMITS: Readonly<CostLimits> = Object.freeze({
  shaRounds: Infinity,
  bcryptCost: Infinity,
  yescryptMemory: Infinity,
  yescryptWork: Infinity,
  pbkdf2Iterations: Infinity,
});

/** The ceilings in force: the defaults with the caller's overrides. */
export function costLimits(overrides: Partial<CostLimits> | undefined): CostLimits {
  const limits = { ...DEFAULT_COST_LIMITS };
  if (overrides === undefined) return limits;
  if (overrides === null || typeof overrides !== "object") throw new PasswordHashError("limits must be an object");
  for (const key of Object.keys(DEFAULT_COST_LIMITS) as (keyof CostLimits)[]) {
    const v = overrides[key];
    if (v === undefined) continue;
    if (typeof v !== "number" || !(v >= 0)) throw new PasswordHashError(`limits.${key} must be a number ≥ 0 (got ${String(v)})`);
    limits[key] = v;
  }
  return limits;
}

function over(what: string, value: string, key: keyof CostLimits, limit: number): never {
  throw new PasswordHashError(
    `${what} ${value} is above the cost ceiling (${key}: ${limit}); refusing to compute it. ` +
      `Pass { limits: { ${key}: … } } to allow a costlier hash.`,
  );
}

/**
 * Throws a PasswordHashError when `setting` asks for more work than `limits` allow.
 * Malformed settings pass: the hash function gives them its own, more precise error.
 */
export function checkCostLimits(setting: string, limits: CostLimits): void {
  if (setting.startsWith(GRUB_PREFIX)) {
    let iterations: number;
    try {
      iterations = parseGrub(setting).iterations;
    } catch {
      return;
    }
    if (iterations > limits.pbkdf2Iterations) over("GRUB PBKDF2 iterations", String(iterations), "pbkdf2Iterations", limits.pbkdf2Iterations);
    return;
  }
  const sha = /^\$([56])\$rounds=([1-9][0-9]{0,9})\$/.exec(setting);
  if (sha) {
    const rounds = Number(sha[2]);
    if (rounds >= ROUNDS_MIN && rounds <= ROUNDS_MAX && rounds > limits.shaRounds) {
      over(`sha${sha[1] === "6" ? "512" : "256"}crypt rounds`, String(rounds), "shaRounds", limits.shaRounds);
    }
    return;
  }
  const bcrypt = /^\$2[a-z]\$(\d\d)\$/.exec(setting);
  if (bcrypt) {
    const cost = Number(bcrypt[1]);
    if (cost >= 4 && cost <= 31 && cost > limits.bcryptCost) over("bcrypt cost", bcrypt[1]!, "bcryptCost", limits.bcryptCost);
    return;
  }
  if (setting.startsWith("$y$")) {
    let params;
    try {
      params = parseSetting(setting).params;
    } catch {
      return;
    }
    const { N, r, p, t } = params;
    const memory = 128 * r * N; // the array that dominates (what "1 GiB" means for count 11)
    if (memory > limits.yescryptMemory) over("yescrypt memory", `${Math.ceil(memory / 2 ** 20)} MiB (N=${N}, r=${r}, p=${p})`, "yescryptMemory", limits.yescryptMemory);
    const work = N * r * p * (t + 1);
    if (work > limits.yescryptWork) over("yescrypt work N·r·p·(t+1)", String(work), "yescryptWork", limits.yescryptWork);
  }
}
