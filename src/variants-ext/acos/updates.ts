// `updates:` sugar: zincati's update strategy, written as the drop-in
// /etc/zincati/config.d/55-updates-strategy.toml. Every value is checked here, at
// compile time, against what zincati accepts on the host (zincati's src/config,
// src/weekly and src/identity), so a mistyped day or zone fails the build, not the
// first update.

import { ACOS_MESSAGES as M, makeDataUrl, type StructRule, type TranslateStep } from "../../index";
import { isKnownTimeZone, suggestTimeZone, TZ_RELEASE } from "./time-zones";

export const UPDATES_FILE = "/etc/zincati/config.d/55-updates-strategy.toml";

/** The Butane structs of the sugar (added to the variant's schema). */
export const UPDATES_STRUCTS = {
  Updates: [
    { key: "strategy", type: "string", optional: true },
    { key: "enabled", type: "bool", optional: true },
    { key: "rollout_wariness", type: "float", optional: true },
    { key: "group", type: "string", optional: true },
    { key: "base_url", type: "string", optional: true },
    { key: "time_zone", type: "string", optional: true },
    { key: "windows", type: "UpdatesWindow[]" },
  ],
  UpdatesWindow: [
    { key: "days", type: "string[]" },
    { key: "start_time", type: "string", optional: true },
    { key: "length_minutes", type: "int", optional: true },
  ],
} as const;

type Obj = Record<string, unknown>;

const STRATEGIES = ["immediate", "periodic", "fleet_lock"] as const;
/** Fields that belong to one strategy only. */
const STRATEGY_FIELDS: readonly { key: string; strategy: string }[] = [
  { key: "windows", strategy: "periodic" },
  { key: "time_zone", strategy: "periodic" },
  { key: "base_url", strategy: "fleet_lock" },
];
/** Day names zincati reads (weekday_from_string, case-insensitive), all written abbreviated. */
const DAYS: Readonly<Record<string, string>> = {
  mon: "Mon", monday: "Mon", tue: "Tue", tuesday: "Tue", wed: "Wed", wednesday: "Wed",
  thu: "Thu", thursday: "Thu", fri: "Fri", friday: "Fri", sat: "Sat", saturday: "Sat", sun: "Sun", sunday: "Sun",
};
const WEEK_MINUTES = 7 * 24 * 60;
const GROUP = /^[a-zA-Z0-9.-]+$/;
/** Variables zincati substitutes in a FleetLock base_url (Identity::url_variables). */
const URL_VARIABLES = ["basearch", "group", "platform", "stream"];

const present = (v: unknown) => v !== undefined && v !== null;
const windowsOf = (u: Obj): Obj[] => (Array.isArray(u.windows) ? (u.windows as Obj[]) : []);

/** A day as zincati's config writes it ("Mon"), or undefined when zincati would reject it. */
export function normalizeDay(day: string): string | undefined {
  return Object.hasOwn(DAYS, day.toLowerCase()) ? DAYS[day.toLowerCase()] : undefined;
}

/** "HH:MM" (hour 0-23, minute 0-59), zero-padded; undefined when invalid. */
export function normalizeTime(time: string): string | undefined {
  const m = /^([0-9]{1,2}):([0-9]{2})$/.exec(time);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return `${m[1]!.padStart(2, "0")}:${m[2]}`;
}

/** Why base_url is not a URL zincati's FleetLock client can use; undefined when it is. */
export function baseUrlProblem(url: string): string | undefined {
  if (/\s/.test(url)) return "it contains white space";
  let unknown: string | undefined;
  const expanded = url.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
    if (!URL_VARIABLES.includes(name)) unknown ??= name;
    return "x";
  });
  if (unknown !== undefined) return `zincati substitutes only \${${URL_VARIABLES.join("}, ${")}}, not \${${unknown}}`;
  let parsed: URL;
  try {
    parsed = new URL(expanded);
  } catch {
    return "it cannot be parsed";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return `the scheme is ${parsed.protocol.slice(0, -1)}`;
  if (parsed.hostname === "") return "it has no host";
  return undefined;
}

export const updatesRule: StructRule = (u, path, report) => {
  const strategy = u.strategy;
  if (present(strategy) && !STRATEGIES.includes(strategy as (typeof STRATEGIES)[number])) {
    report.error([...path, "strategy"], M.strategyUnknown.text, { code: M.strategyUnknown.code });
  } else {
    for (const f of STRATEGY_FIELDS) {
      const set = f.key === "windows" ? windowsOf(u).length > 0 : present(u[f.key]);
      if (!set || strategy === f.strategy) continue;
      if (!present(strategy)) report.error([...path, f.key], M.strategyMissing.text(f.key), { code: M.strategyMissing.code, atKey: true });
      else report.error([...path, f.key], M.fieldNeedsStrategy.text(f.key, f.strategy), { code: M.fieldNeedsStrategy.code, atKey: true });
    }
    if (strategy === "periodic" && windowsOf(u).length === 0) report.error([...path, "strategy"], M.windowsMissing.text, { code: M.windowsMissing.code });
    if (strategy === "fleet_lock" && !present(u.base_url)) report.error([...path, "strategy"], M.baseUrlMissing.text, { code: M.baseUrlMissing.code });
  }
  if (typeof u.base_url === "string") {
    const why = baseUrlProblem(u.base_url);
    if (why !== undefined) report.error([...path, "base_url"], M.baseUrlInvalid.text(why), { code: M.baseUrlInvalid.code });
  }
  if (typeof u.group === "string" && !GROUP.test(u.group)) report.error([...path, "group"], M.groupInvalid.text, { code: M.groupInvalid.code });
  if (typeof u.rollout_wariness === "number" && !(u.rollout_wariness >= 0 && u.rollout_wariness <= 1)) {
    report.error([...path, "rollout_wariness"], M.rolloutWarinessRange.text, { code: M.rolloutWarinessRange.code });
  }
  if (typeof u.time_zone === "string" && !isKnownTimeZone(u.time_zone)) {
    report.error([...path, "time_zone"], M.timeZoneUnknown.text(u.time_zone, TZ_RELEASE, suggestTimeZone(u.time_zone)), { code: M.timeZoneUnknown.code });
  }
};

export const windowRule: StructRule = (w, path, report) => {
  const days = Array.isArray(w.days) ? (w.days as unknown[]) : [];
  if (days.length === 0) report.error(present(w.days) ? [...path, "days"] : path, M.daysMissing.text, { code: M.daysMissing.code });
  days.forEach((d, i) => {
    if (typeof d === "string" && normalizeDay(d) === undefined) report.error([...path, "days", i], M.dayUnknown.text(d), { code: M.dayUnknown.code });
  });
  const time = typeof w.start_time === "string" ? w.start_time : "";
  if (normalizeTime(time) === undefined) report.error(present(w.start_time) ? [...path, "start_time"] : path, M.startTimeInvalid.text(time), { code: M.startTimeInvalid.code });
  const len = w.length_minutes;
  if (!(typeof len === "number" && len >= 1 && len <= WEEK_MINUTES)) {
    report.error(present(len) ? [...path, "length_minutes"] : path, M.lengthRange.text, { code: M.lengthRange.code });
  }
};

/** A TOML basic string. */
function tomlString(s: string): string {
  return '"' + s.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
    const short: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r" };
    return short[c] ?? "\\u" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  }) + '"';
}

/** A TOML float (always with a fraction or exponent, so TOML reads a float). */
function tomlFloat(n: number): string {
  return Number.isInteger(n) ? n.toFixed(1) : String(n);
}

/**
 * The drop-in's text, in the tables and keys zincati's documentation uses; undefined
 * when the section sets nothing. Expects a config that passed the rules above.
 */
export function renderUpdatesToml(u: Obj): string | undefined {
  const tables: string[] = [];
  const identity: string[] = [];
  if (typeof u.group === "string") identity.push(`group = ${tomlString(u.group)}`);
  if (typeof u.rollout_wariness === "number") identity.push(`rollout_wariness = ${tomlFloat(u.rollout_wariness)}`);
  if (identity.length) tables.push(["[identity]", ...identity].join("\n"));
  const updates: string[] = [];
  if (typeof u.enabled === "boolean") updates.push(`enabled = ${u.enabled}`);
  if (typeof u.strategy === "string") updates.push(`strategy = ${tomlString(u.strategy)}`);
  if (updates.length) tables.push(["[updates]", ...updates].join("\n"));
  if (u.strategy === "fleet_lock" && typeof u.base_url === "string") tables.push(`[updates.fleet_lock]\nbase_url = ${tomlString(u.base_url)}`);
  if (u.strategy === "periodic") {
    if (typeof u.time_zone === "string") tables.push(`[updates.periodic]\ntime_zone = ${tomlString(u.time_zone)}`);
    for (const w of windowsOf(u)) {
      const days = [...new Set((w.days as string[]).map((d) => normalizeDay(d)!))];
      tables.push(
        "[[updates.periodic.window]]\n" +
          `days = [ ${days.map(tomlString).join(", ")} ]\n` +
          `start_time = ${tomlString(normalizeTime(String(w.start_time))!)}\n` +
          `length_minutes = ${w.length_minutes}`,
      );
    }
  }
  if (tables.length === 0) return undefined;
  return "# Generated by Butane from the updates section\n\n" + tables.join("\n\n") + "\n";
}

/** Writes the drop-in; a node the config itself puts at the same path is an error. */
export const updatesStep: TranslateStep = (ctx, cfg, result) => {
  const u = cfg.updates as Obj | undefined;
  if (!u) return result;
  const text = renderUpdatesToml(u);
  if (text === undefined) return result;
  // The translations of what the user wrote stay theirs; only new containers get ours.
  if (result.config.storage === undefined) result.ts.add(["updates"], ["storage"]);
  const storage = (result.config.storage ??= {}) as Obj;
  for (const kind of ["files", "directories", "links"]) {
    const nodes = Array.isArray(storage[kind]) ? (storage[kind] as Obj[]) : [];
    if (nodes.some((n) => n.path === UPDATES_FILE)) {
      result.report.error(["updates"], M.fileConflict.text(UPDATES_FILE), { code: M.fileConflict.code, atKey: true });
      return result;
    }
  }
  const d = makeDataUrl(new TextEncoder().encode(text), undefined, !ctx.options.noResourceAutoCompression);
  const contents: Obj = { source: d.url };
  if (d.compression !== undefined) contents.compression = d.compression;
  const file: Obj = { path: UPDATES_FILE, contents, mode: 0o644 };
  if (!Array.isArray(storage.files)) {
    storage.files = [];
    result.ts.add(["updates"], ["storage", "files"]);
  }
  const files = storage.files as Obj[];
  result.ts.addFromCommonSource(["updates"], ["storage", "files", files.length], file, ctx.spec, "File");
  files.push(file);
  return result;
};
