// Validation rules of the Fedora CoreOS variant's own structs.

import type { PathPart, Report } from "../../../core/report";
import { errorAt, VALIDATE, warnAt } from "../../messages";
import type { Obj, StructRule } from "../../validate";

const notEmpty = (s: unknown) => typeof s === "string" && s !== "";
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

function checkMirror(v: Obj, path: PathPart[], report: Report): void {
  const devices = (v.devices ?? []) as unknown[];
  if (Array.isArray(devices) && devices.length === 1) errorAt(report, [...path, "devices"], VALIDATE.tooFewMirrorDevices);
}

export const mirrorRule: StructRule = (v, path, report) => checkMirror(v, path, report);

/** fcos 1.3 – 1.5: x86_64/aarch64/ppc64le only; a mirror without layout is a warning. */
export const bootDeviceRuleLegacy: StructRule = (v, path, report) => {
  const devices = arr((v.mirror as Obj | undefined)?.devices);
  if (devices.length > 0 && v.layout == null) warnAt(report, [...path, "mirror"], VALIDATE.mirrorRequiresLayout);
  if (v.layout != null && !["aarch64", "ppc64le", "x86_64"].includes(String(v.layout))) {
    errorAt(report, [...path, "layout"], VALIDATE.unknownBootDeviceLayoutLegacy);
  }
  checkMirror((v.mirror ?? {}) as Obj, [...path, "mirror"], report);
};

/** fcos 1.6+: s390x layouts, CEX; `mirrorWithoutLayoutIsError` from 1.7. */
export function bootDeviceRule(mirrorWithoutLayoutIsError: boolean): StructRule {
  return (v, path, report) => {
    const luks = (v.luks ?? {}) as Obj;
    const mirrorDevices = arr((v.mirror as Obj | undefined)?.devices);
    if (mirrorDevices.length > 0 && v.layout == null) {
      if (mirrorWithoutLayoutIsError) errorAt(report, [...path, "mirror"], VALIDATE.mirrorRequiresLayout);
      else warnAt(report, [...path, "mirror"], VALIDATE.mirrorRequiresLayout);
    }
    if (v.layout != null) {
      const layout = String(v.layout);
      switch (layout) {
        case "aarch64": case "ppc64le": case "x86_64": case "s390x-virt":
          break;
        case "s390x-eckd":
          if (!notEmpty(luks.device)) errorAt(report, [...path, "layout"], VALIDATE.noLuksBootDevice);
          else if (!/\/dev\/dasd[a-z]$/.test(String(luks.device))) errorAt(report, [...path, "layout"], VALIDATE.luksBootDeviceBadName);
          break;
        case "s390x-zfcp":
          if (!notEmpty(luks.device)) errorAt(report, [...path, "layout"], VALIDATE.noLuksBootDevice);
          else if (!/\/dev\/sd[a-z]$/.test(String(luks.device))) errorAt(report, [...path, "layout"], VALIDATE.luksBootDeviceBadName);
          break;
        default:
          errorAt(report, [...path, "layout"], VALIDATE.unknownBootDeviceLayout);
      }
      if (layout.startsWith("s390x") && mirrorDevices.length > 0) errorAt(report, [...path, "layout"], VALIDATE.mirrorNotSupport);
    }
    if ((luks.cex as Obj | undefined)?.enabled === true) {
      if (v.layout == null) errorAt(report, [...path, "luks", "cex"], VALIDATE.cexArchitectureMismatch);
      else if (!String(v.layout).startsWith("s390x")) errorAt(report, [...path, "layout"], VALIDATE.cexArchitectureMismatch);
      if (arr(luks.tang).length > 0 || luks.tpm2 === true) errorAt(report, [...path, "luks"], VALIDATE.cexWithClevis);
    }
    checkMirror((v.mirror ?? {}) as Obj, [...path, "mirror"], report);
  };
}

/** fcos 1.7+: a LUKS device needs an unlock method. The reference reports it one level too deep. */
export const bootDeviceLuksRule: StructRule = (v, path, report) => {
  if (!notEmpty(v.device)) return;
  let valid = arr(v.tang).some((t) => t.thumbprint != null || notEmpty(t.url) || t.advertisement != null);
  if (v.tpm2 === true || (v.cex as Obj | undefined)?.enabled === true) valid = true;
  if (!valid) errorAt(report, [...path, "luks"], VALIDATE.noLuksMethodSpecified);
};

export const grubUserRule: StructRule = (v, path, report) => {
  if (!notEmpty(v.name)) errorAt(report, [...path, "name"], VALIDATE.grubUserNameNotSpecified);
  if (!notEmpty(v.password_hash)) errorAt(report, [...path, "password_hash"], VALIDATE.grubPasswordNotSpecified);
};

const BOOT_DISK = "/dev/disk/by-id/coreos-boot-disk";

/** fcos 1.6+: partitions reused by label, mount units outside /etc and /var. */
export const configRule: StructRule = (v, path, report) => {
  const storage = (v.storage ?? {}) as Obj;
  const mirror = new Set(arr(((v.boot_device as Obj | undefined)?.mirror as Obj | undefined)?.devices).map(String));
  arr(storage.disks).forEach((disk, i) => {
    const device = String(disk.device ?? "");
    if (device === BOOT_DISK || disk.wipe_table === true || mirror.has(device)) return;
    arr(disk.partitions).forEach((p, j) => {
      if ((p.number ?? 0) === 0 && p.label != null) warnAt(report, [...path, "storage", "disks", i, "partitions", j, "number"], VALIDATE.reuseByLabel);
    });
  });
  arr(storage.filesystems).forEach((fs, i) => {
    if (fs.path != null && !/^\/(etc|var)(\/|$)/.test(String(fs.path)) && fs.with_mount_unit === true) {
      errorAt(report, [...path, "storage", "filesystems", i, "path"], VALIDATE.mountPointForbidden);
    }
  });
};
