// Fedora CoreOS sugar: boot disk layouts (LUKS root with Clevis or CEX, mirrored
// boot disk), GRUB superusers, and warnings about partitions on the boot disk.

import type { PathPart } from "../../../core/report";
import { TRANSLATE, warnAt } from "../../messages";
import { translateStruct } from "../../translate/auto";
import type { Obj, TranslateContext } from "../../translate/context";
import { makeDataUrl } from "../../translate/data-url";
import { mergeTranslated } from "../../translate/merge-translated";
import { TranslationSet } from "../../translate/translation-set";
import type { TranslateStep } from "../define";

const RESERVED_TYPE_GUID = "8DA63339-0007-60C0-C436-083AC8230908";
const BIOS_TYPE_GUID = "21686148-6449-6E6F-744E-656564454649";
const PREP_TYPE_GUID = "9E1A2D38-C612-4316-AA26-8B49521E5A8B";
const ESP_TYPE_GUID = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B";
// Sizes of the partitions of the OS image layout (v1); the desugared partitions
// must not be smaller than the ones they replicate.
const RESERVED_MIB = 1, BIOS_MIB = 1, PREP_MIB = 4, ESP_MIB = 127, BOOT_MIB = 384;

const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/**
 * Boot device desugaring (fcos 1.3+); with the features bootDeviceLuksDiscard (1.5+:
 * LUKS discard) and bootDeviceS390x (1.6+: CEX and the s390x layouts).
 */
export const bootDeviceStep: TranslateStep = (ctx, cfg, result) => {
  const bd = (cfg.boot_device ?? {}) as Obj;
  const luks = (bd.luks ?? {}) as Obj;
  const withDiscard = !!ctx.features.bootDeviceLuksDiscard;
  const cexEnabled = !!ctx.features.bootDeviceS390x && (luks.cex as Obj | undefined)?.enabled === true;
  const wantLuks = luks.tpm2 === true || arr(luks.tang).length > 0 || cexEnabled;
  const devices = Array.isArray((bd.mirror as Obj | undefined)?.devices) ? ((bd.mirror as Obj).devices as string[]) : [];
  const wantMirror = devices.length > 0;
  if (!wantLuks && !wantMirror) return result;

  const layout = typeof bd.layout === "string" ? bd.layout : undefined;
  let wantBIOS = false, wantEFI = false, wantPReP = false;
  if (layout === undefined || layout === "x86_64") wantBIOS = wantEFI = true;
  else if (layout === "aarch64") wantEFI = true;
  else if (layout === "ppc64le") wantPReP = true;

  const spec = ctx.spec;
  const rts = new TranslationSet();
  const disks: Obj[] = [], filesystems: Obj[] = [];
  const storage: Obj = {};
  const rendered: Obj = { storage };

  if (wantMirror) {
    devices.forEach((device, i) => {
      const n = disks.length + 1;
      const partitions: Obj[] = [];
      if (wantBIOS) partitions.push({ label: `bios-${n}`, sizeMiB: BIOS_MIB, typeGuid: BIOS_TYPE_GUID });
      else if (wantPReP) partitions.push({ label: `prep-${n}`, sizeMiB: PREP_MIB, typeGuid: PREP_TYPE_GUID });
      else partitions.push({ label: `reserved-${n}`, sizeMiB: RESERVED_MIB, typeGuid: RESERVED_TYPE_GUID });
      if (wantEFI) partitions.push({ label: `esp-${n}`, sizeMiB: ESP_MIB, typeGuid: ESP_TYPE_GUID });
      else partitions.push({ label: `reserved-${n}`, sizeMiB: RESERVED_MIB, typeGuid: RESERVED_TYPE_GUID });
      partitions.push({ label: `boot-${n}`, sizeMiB: BOOT_MIB }, { label: `root-${n}` });
      const disk: Obj = { device, partitions, wipeTable: true };
      rts.addFromCommonSource(["boot_device", "mirror", "devices", i], ["storage", "disks", disks.length], disk, spec, "Disk");
      disks.push(disk);
      if (wantEFI) {
        const esp: Obj = { device: `/dev/disk/by-partlabel/esp-${n}`, format: "vfat", label: `esp-${n}`, wipeFilesystem: true };
        rts.addFromCommonSource(["boot_device", "mirror", "devices", i], ["storage", "filesystems", filesystems.length], esp, spec, "Filesystem");
        filesystems.push(esp);
      }
    });
    rts.add(["boot_device", "mirror", "devices"], ["storage", "disks"]);
    const raidDevices = (prefix: string) => disks.map((_, i) => `/dev/disk/by-partlabel/${prefix}-${i + 1}`);
    storage.raid = [
      { devices: raidDevices("boot"), level: "raid1", name: "md-boot", options: ["--metadata=1.0"] },
      { devices: raidDevices("root"), level: "raid1", name: "md-root" },
    ];
    rts.addFromCommonSource(["boot_device", "mirror"], ["storage", "raid"], storage.raid, spec, "Raid[]");
    const bootFs: Obj = { device: "/dev/md/md-boot", format: "ext4", label: "boot", wipeFilesystem: true };
    rts.addFromCommonSource(["boot_device", "mirror"], ["storage", "filesystems", filesystems.length], bootFs, spec, "Filesystem");
    filesystems.push(bootFs);
  }

  if (wantLuks) {
    let luksDevice: string;
    if (layout === "s390x-eckd") luksDevice = String(luks.device ?? "") + "2";
    else if (layout === "s390x-zfcp") luksDevice = String(luks.device ?? "") + "4";
    else if (wantMirror) luksDevice = "/dev/md/md-root";
    else luksDevice = "/dev/disk/by-partlabel/root";
    const lpath: PathPart[] = ["boot_device", "luks"];
    const rpath: PathPart[] = ["storage", "luks", 0];
    const sub: TranslateContext = { ...ctx, ts: rts, hooks: {}, custom: new Set() };
    const entry: Obj = {};
    if (cexEnabled) {
      // The reference records cex.enabled as coming from boot_device.luks.enabled.
      const cex: Obj = {};
      const enabled = (luks.cex as Obj).enabled;
      if (enabled !== undefined) {
        cex.enabled = enabled;
        rts.add([...lpath, "enabled"], [...rpath, "cex", "enabled"]);
      }
      rts.add(lpath, [...rpath, "cex"]);
      entry.cex = cex;
    } else {
      const clevis = translateStruct(sub, luks, "BootDeviceLuks", "Clevis", lpath, [...rpath, "clevis"]);
      rts.add(lpath, [...rpath, "clevis"]);
      entry.clevis = clevis;
    }
    entry.device = luksDevice;
    if (withDiscard && luks.discard !== undefined) entry.discard = luks.discard;
    entry.label = "luks-root";
    entry.name = "root";
    entry.wipeVolume = true;
    if (withDiscard) rts.add([...lpath, "discard"], [...rpath, "discard"]);
    for (const f of ["device", "label", "name", "wipeVolume"]) rts.add(lpath, [...rpath, f]);
    rts.add(lpath, rpath);
    rts.add(lpath, ["storage", "luks"]);
    storage.luks = [entry];
  }

  const rootFs: Obj = { device: wantLuks ? "/dev/mapper/root" : "/dev/md/md-root", format: "xfs", label: "root", wipeFilesystem: true };
  rts.addFromCommonSource(["boot_device"], ["storage", "filesystems", filesystems.length], rootFs, spec, "Filesystem");
  rts.add(["boot_device"], ["storage", "filesystems"]);
  filesystems.push(rootFs);
  if (disks.length) storage.disks = disks;
  storage.filesystems = filesystems;
  rts.add(["boot_device"], ["storage"]);
  return mergeTranslated(spec, rendered, rts, result.config, result.ts, result.report);
};

const RESERVED_LABELS: Record<string, number> = { "BIOS-BOOT": 1, "PowerPC-PReP-boot": 1, "EFI-SYSTEM": 2, boot: 3, root: 4 };

/**
 * Warnings about partitions that look like the OS's own; with the feature
 * rootPartitionChecks (fcos 1.3+), also about the root partition's size.
 */
export const partitionChecks: TranslateStep = (ctx, _cfg, result) => {
  const rootChecks = !!ctx.features.rootPartitionChecks;
  const disks = arr((result.config.storage as Obj | undefined)?.disks);
  disks.forEach((disk, i) => {
    const parts = arr(disk.partitions);
    // Partitions placed automatically (no start, or start 0), for "is any other one?".
    let autoPlaced = 0;
    for (const p of parts) if (p.startMiB === undefined || p.startMiB === null || p.startMiB === 0) autoPlaced++;
    parts.forEach((p, j) => {
      if (p.label === undefined || p.label === null) return;
      const label = String(p.label);
      const base = ["storage", "disks", i, "partitions", j];
      if (rootChecks && label === "root") {
        const size = p.sizeMiB;
        if (size === undefined || size === null || size === 0) {
          const selfAuto = p.startMiB === undefined || p.startMiB === null || p.startMiB === 0 ? 1 : 0;
          if (autoPlaced - selfAuto > 0) warnAt(result.report, [...base, "label"], TRANSLATE.rootConstrained, { tag: "json" });
        } else if ((typeof size === "number" || typeof size === "bigint") && size < 8192) {
          warnAt(result.report, [...base, "size_mib"], TRANSLATE.rootTooSmall, { tag: "json" });
        }
      }
      if (disk.wipeTable !== true && Object.hasOwn(RESERVED_LABELS, label) && (p.number ?? 0) !== RESERVED_LABELS[label]) {
        warnAt(result.report, [...base, "label"], TRANSLATE.wrongPartitionNumber, { tag: "json" });
      }
    });
  });
  return result;
};

/** GRUB superusers: a /boot filesystem and an appended /boot/grub2/user.cfg. */
export const grubStep: TranslateStep = (ctx, cfg, result) => {
  const users = arr((cfg.grub as Obj | undefined)?.users);
  // The reference merges even an empty GRUB config, and the merge keeps only the
  // translations of populated fields; do the same so later diagnostics map alike.
  if (users.length === 0) return mergeTranslated(ctx.spec, {}, new TranslationSet(), result.config, result.ts, result.report);
  const names = users.map((u) => String(u.name ?? ""));
  const cmds = users.map((u) => `password_pbkdf2 ${String(u.name ?? "")} ${String(u.password_hash ?? "")}`);
  const text = "# Generated by Butane\n\n" + `set superusers="${names.join(" ")}"\n` + cmds.join("\n") + "\n";
  const d = makeDataUrl(new TextEncoder().encode(text), undefined, !ctx.options.noResourceAutoCompression);
  const append: Obj = { source: d.url };
  if (d.compression !== undefined) append.compression = d.compression;
  const storage: Obj = {
    files: [{ path: "/boot/grub2/user.cfg", append: [append] }],
    filesystems: [{ device: "/dev/disk/by-label/boot", format: "ext4", path: "/boot" }],
  };
  const rts = new TranslationSet();
  rts.addFromCommonSource(["grub", "users"], ["storage"], storage, ctx.spec, "Storage");
  return mergeTranslated(ctx.spec, { storage }, rts, result.config, result.ts, result.report);
};
