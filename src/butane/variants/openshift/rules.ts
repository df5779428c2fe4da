// Validation rules of the OpenShift variant's own structs.

import { errorAt, VALIDATE } from "../../messages";
import type { Obj, StructRule } from "../../validate";

export const ROLE_LABEL_KEY = "machineconfiguration.openshift.io/role";
const CEX_KERNEL_ARGUMENT = "rd.luks.key=/etc/luks/cex.key";

export const metadataRule: StructRule = (v, path, report) => {
  if (typeof v.name !== "string" || v.name === "") errorAt(report, [...path, "name"], VALIDATE.nameRequired);
  const labels = (v.labels ?? {}) as Record<string, string>;
  if (!labels[ROLE_LABEL_KEY]) errorAt(report, [...path, "labels"], VALIDATE.roleRequired);
};

export const openshiftRule: StructRule = (v, path, report) => {
  if (v.kernel_type == null) return;
  if (!["", "default", "realtime"].includes(String(v.kernel_type))) errorAt(report, [...path, "kernel_type"], VALIDATE.invalidKernelType);
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
  if (bootCex && !hasKarg) errorAt(report, [...path, "openshift", "kernel_arguments"], VALIDATE.missingKernelArgumentCex);
  const luks = ((v.storage as Obj | undefined)?.luks ?? []) as Obj[];
  const rootCex = Array.isArray(luks) && luks.some((l) => (l.cex as Obj | undefined)?.enabled === true && l.name === "root");
  if (rootCex && !hasKarg) errorAt(report, [...path, "openshift", "kernel_arguments"], VALIDATE.missingKernelArgumentCex);
};
