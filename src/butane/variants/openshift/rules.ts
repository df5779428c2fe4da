// Validation rules of the OpenShift variant's own structs.

import type { Obj, StructRule } from "../../validate";

export const ROLE_LABEL_KEY = "machineconfiguration.openshift.io/role";
const CEX_KERNEL_ARGUMENT = "rd.luks.key=/etc/luks/cex.key";

export const OPENSHIFT_MSG = {
  fieldElided: "field ignored in raw mode",
  nameRequired: "metadata.name is required",
  roleRequired: "machineconfiguration.openshift.io/role label is required",
  invalidKernelType: 'must be empty, "default", or "realtime"',
  btrfsSupport: "btrfs is not supported in this spec version",
  filesystemNoneSupport: 'format "none" is not supported in this spec version',
  fileSchemeSupport: "file contents source must be data URL in this spec version",
  fileAppendSupport: "appending to files is not supported in this spec version",
  fileCompressionSupport: "file compression is not supported in this spec version",
  fileHeaderSupport: "file HTTP headers are not supported in this spec version",
  fileSpecialModeSupport: "special mode bits are not supported in this spec version",
  groupSupport: "groups are not supported in this spec version",
  userFieldSupport: 'fields other than "name", "ssh_authorized_keys", and "password_hash" (4.13.0+) are not supported in this spec version',
  userNameSupport: 'users other than "core" are not supported in this spec version',
  kernelArgumentSupport: "this section cannot be used for kernel arguments in this spec version; use openshift.kernel_arguments instead",
  missingKernelArgumentCex: "'rd.luks.key=/etc/luks/cex.key' must be set as kernel argument when CEX is enabled for the boot device",
  directorySupport: "directories are not supported in this spec version",
  linkSupport: "links are not supported in this spec version",
} as const;

export const metadataRule: StructRule = (v, path, report) => {
  if (typeof v.name !== "string" || v.name === "") report.error([...path, "name"], OPENSHIFT_MSG.nameRequired);
  const labels = (v.labels ?? {}) as Record<string, string>;
  if (!labels[ROLE_LABEL_KEY]) report.error([...path, "labels"], OPENSHIFT_MSG.roleRequired);
};

export const openshiftRule: StructRule = (v, path, report) => {
  if (v.kernel_type == null) return;
  if (!["", "default", "realtime"].includes(String(v.kernel_type))) report.error([...path, "kernel_type"], OPENSHIFT_MSG.invalidKernelType);
};

/**
 * 4.19+: LUKS on CEX needs the kernel argument that points at the key. This
 * replaces the fcos Config rule (the reference's method shadows it), so fcos's
 * checks on reused partitions and mount unit locations do not apply.
 */
export const cexKernelArgumentRule: StructRule = (v, path, report) => {
  const kargs = ((v.openshift as Obj | undefined)?.kernel_arguments ?? []) as unknown[];
  const hasKarg = Array.isArray(kargs) && kargs.includes(CEX_KERNEL_ARGUMENT);
  const bootCex = ((((v.boot_device as Obj | undefined)?.luks as Obj | undefined)?.cex as Obj | undefined)?.enabled) === true;
  if (bootCex && !hasKarg) report.error([...path, "openshift", "kernel_arguments"], OPENSHIFT_MSG.missingKernelArgumentCex);
  const luks = ((v.storage as Obj | undefined)?.luks ?? []) as Obj[];
  const rootCex = Array.isArray(luks) && luks.some((l) => (l.cex as Obj | undefined)?.enabled === true && l.name === "root");
  if (rootCex && !hasKarg) report.error([...path, "openshift", "kernel_arguments"], OPENSHIFT_MSG.missingKernelArgumentCex);
};
