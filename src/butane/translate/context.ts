// State shared by one translation: the schemas on both sides, the options, the
// growing translation set and report, and host services (files, embedded-config
// validation).

import type { FileSystemAccess } from "../../core/files";
import type { PathPart, Report, ReportEntry } from "../../core/report";
import type { SpecVersion } from "../../ignition/spec";
import type { ButaneSchema } from "../schema";
import type { TranslationSet } from "./translation-set";
import type { Obj } from "../../core/obj";

export interface TranslateOptions {
  /** The files directory as given by the user ("" when not given). */
  filesDir: string;
  /** Skip the automatic gzip of inline/local contents. */
  noResourceAutoCompression?: boolean;
  /** Host file access for local contents, keys and trees. */
  fs?: FileSystemAccess;
  /** Working directory used to judge whether a path escapes the files directory. */
  cwd?: string;
  /** Options for a variant's own translation steps, as the caller gave them (see docs/variants.md). */
  variantOptions?: Readonly<Record<string, unknown>>;
}

export interface EmbeddedValidation {
  entries: ReportEntry[];
  /** Set when the embedded config could not be parsed. */
  error?: string;
  /** The embedded config declares a version this spec does not know. */
  unknownVersion?: boolean;
}

export type { Obj };

/** Named features a spec version has (true) or not (absent or false), e.g. { mountUnitsSwap: true }. */
export type FeatureFlags = Readonly<Record<string, boolean | undefined>>;

/** A translation step for one Butane struct: fills `to` from `from`. */
export type StructHook = (ctx: TranslateContext, from: Obj, to: Obj, fromPath: PathPart[], toPath: PathPart[]) => void;

export interface TranslateContext {
  schema: ButaneSchema;
  spec: SpecVersion;
  options: TranslateOptions;
  ts: TranslationSet;
  report: Report;
  /** Extra steps for structs with sugar, by Butane struct name. */
  hooks: Readonly<Record<string, StructHook>>;
  /**
   * Structs translated by a custom step in the reference: their own path is
   * recorded only when something below them was.
   */
  custom: ReadonlySet<string>;
  /** Validates an Ignition config embedded via ignition.config.merge/replace. */
  validateEmbedded: (raw: string, spec: SpecVersion) => EmbeddedValidation;
  /** The features of the version being translated: the base spec's and the variant's. */
  features: FeatureFlags;
}
