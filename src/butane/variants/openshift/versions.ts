// OpenShift spec versions. Each is an fcos spec version plus `metadata` and
// `openshift`, written to a MachineConfig (or, with --raw, plain Ignition), with
// the Ignition fields the Machine Config Operator cannot handle rejected. A
// version is a delta of the one before: which fcos version it builds on, and
// what changed in the MachineConfig handling.

import type { TranslateOptions } from "../../translate/context";
import { defineVariantVersion, type VariantVersion } from "../define";
import { fcosVersions } from "../fcos/versions";
import { openshiftDecoder } from "./decode";
import { machineConfigWrapper, type MachineConfigFeatures } from "./machine-config";
import { SUPPORT as M, type Message } from "../../messages";
import { cexKernelArgumentRule, metadataRule, openshiftRule } from "./rules";

function fcos(version: string): VariantVersion {
  const v = fcosVersions().find((x) => x.version === version);
  if (!v) throw new Error(`no fcos ${version}`);
  return v;
}

const STRUCTS = {
  Metadata: [
    { key: "name", type: "string" },
    // A Go map[string]string: decoded by openshiftDecoder, not walked by validation.
    { key: "labels", type: "map[string]string" },
  ],
  OpenShift: [
    { key: "kernel_arguments", type: "string[]" },
    { key: "extensions", type: "string[]" },
    { key: "fips", type: "bool", optional: true },
    { key: "kernel_type", type: "string", optional: true },
  ],
};

interface OpenShiftVersion {
  def: VariantVersion;
  fcos: VariantVersion;
  mc: MachineConfigFeatures;
  options: Partial<TranslateOptions> | undefined;
  cexRule: boolean;
}

interface OpenShiftDelta {
  version: string;
  /** The fcos spec version this one extends (default: the previous one's). */
  fcos?: VariantVersion;
  /** Changes to the MachineConfig handling. */
  mc?: Partial<Omit<MachineConfigFeatures, "filters">>;
  addFilters?: Readonly<Record<string, Message>>;
  removeFilters?: readonly string[];
  /** Forced translation options; null drops the previous version's. */
  options?: Partial<TranslateOptions> | null;
  /** Config rule: LUKS on CEX needs its kernel argument (replaces fcos's Config rule). */
  cexRule?: boolean;
}

function openshift(prev: OpenShiftVersion | null, d: OpenShiftDelta): OpenShiftVersion {
  const base = d.fcos ?? prev?.fcos;
  if (!base) throw new Error("the first OpenShift version needs an fcos version");
  const filters: Record<string, Message> = { ...(prev?.mc.filters ?? {}), ...(d.addFilters ?? {}) };
  for (const k of d.removeFilters ?? []) delete filters[k];
  const mc: MachineConfigFeatures = {
    ...(prev?.mc ?? { ignoreZero: [], fipsLuks: false, specialModes: false, formatNone: false, grubUserCfgContents: false }),
    ...(d.mc ?? {}),
    filters,
  };
  const options = d.options === null ? undefined : d.options ?? prev?.options;
  const cexRule = d.cexRule ?? prev?.cexRule ?? false;
  const fcosConfigFields = base.schema.structs.Config!.slice(base.base.schema.structs.Config!.length);
  const def = defineVariantVersion(base, {
    variant: "openshift",
    version: d.version,
    configFields: [...fcosConfigFields, { key: "metadata", type: "Metadata" }, { key: "openshift", type: "OpenShift" }],
    structs: STRUCTS,
    rules: { Metadata: metadataRule, OpenShift: openshiftRule, ...(cexRule ? { Config: cexKernelArgumentRule } : {}) },
    filters: [],
    wrapper: machineConfigWrapper(mc),
    options: options ?? null,
  });
  return { def: { ...def, decode: openshiftDecoder(def.schema, base.schema) }, fcos: base, mc, options, cexRule };
}

function build(): readonly VariantVersion[] {
  // Each version is a delta of the one before; opening a version is a line at the end.
  const deltas: OpenShiftDelta[] = [
    {
      version: "4.8.0",
      fcos: fcos("1.3.0"),
      // The MCO cannot apply compressed files (https://bugzilla.redhat.com/show_bug.cgi?id=1970218).
      options: { noResourceAutoCompression: true },
      mc: { ignoreZero: ["spec.config.storage.files.contents.compression"], fipsLuks: true },
      addFilters: {
        "spec.config.passwd.groups": M.groupSupport,
        "spec.config.passwd.users.gecos": M.userFieldSupport,
        "spec.config.passwd.users.groups": M.userFieldSupport,
        "spec.config.passwd.users.homeDir": M.userFieldSupport,
        "spec.config.passwd.users.noCreateHome": M.userFieldSupport,
        "spec.config.passwd.users.noLogInit": M.userFieldSupport,
        "spec.config.passwd.users.noUserGroup": M.userFieldSupport,
        "spec.config.passwd.users.passwordHash": M.userFieldSupport,
        "spec.config.passwd.users.primaryGroup": M.userFieldSupport,
        "spec.config.passwd.users.shell": M.userFieldSupport,
        "spec.config.passwd.users.shouldExist": M.userFieldSupport,
        "spec.config.passwd.users.system": M.userFieldSupport,
        "spec.config.passwd.users.uid": M.userFieldSupport,
        "spec.config.storage.directories": M.directorySupport,
        "spec.config.storage.files.append": M.fileAppendSupport,
        "spec.config.storage.files.contents.compression": M.fileCompressionSupport,
        "spec.config.storage.files.contents.httpHeaders": M.fileHeaderSupport,
        "spec.config.storage.links": M.linkSupport,
      },
    },
    { version: "4.9.0" },
    // 4.10: compressed files are fine; special mode bits are not.
    {
      version: "4.10.0",
      options: null,
      mc: { ignoreZero: [], specialModes: true },
      removeFilters: ["spec.config.storage.files.contents.compression"],
    },
    { version: "4.11.0" },
    { version: "4.12.0" },
    // 4.13: users may have a password hash.
    { version: "4.13.0", removeFilters: ["spec.config.passwd.users.passwordHash"] },
    // 4.14: fcos 1.5 (Ignition 3.4); kernel arguments only via openshift.kernel_arguments; no format "none".
    {
      version: "4.14.0",
      fcos: fcos("1.5.0"),
      mc: { formatNone: true },
      addFilters: { "spec.config.kernelArguments": M.kernelArgumentSupport },
    },
    { version: "4.15.0" },
    { version: "4.16.0" },
    { version: "4.17.0" },
    { version: "4.18.0" },
    // 4.19: fcos 1.6 (Ignition 3.5); LUKS on CEX needs its kernel argument.
    { version: "4.19.0", fcos: fcos("1.6.0"), cexRule: true },
    // 4.20: openshift.fips no longer changes LUKS ciphers.
    { version: "4.20.0", mc: { fipsLuks: false } },
    { version: "4.21.0" },
    { version: "4.22.0" },
    // 4.23: fcos 1.8 (Ignition 3.7); GRUB superusers are written as file contents.
    {
      version: "4.23.0-experimental",
      fcos: fcos("1.8.0-experimental"),
      mc: { grubUserCfgContents: true },
    },
  ];
  const versions: OpenShiftVersion[] = [];
  for (const d of deltas) versions.push(openshift(versions[versions.length - 1] ?? null, d));
  return versions.map((v) => v.def);
}

let built: readonly VariantVersion[] | undefined;

/** The openshift versions, built on first use (most runs need one variant only). */
export function openshiftVersions(): readonly VariantVersion[] {
  return (built ??= build());
}
