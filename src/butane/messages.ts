// Messages Butane itself reports (the reference's wording, kept verbatim so that
// tools matching on them keep working).

export const MSG = {
  noVariant: "error parsing variant; must be specified",
  invalidVersion: "error parsing version; must be a valid semver",
  invalidSourceConfig: "source config is invalid",
  invalidGeneratedConfig: "config generated was invalid",
  rhcosRemoved: "rhcos variant has been removed; use openshift variant instead: https://coreos.github.io/butane/upgrading-openshift/",

  tooManyResourceSources: "only one of the following can be set: inline, local, source",
  treeNoLocal: "local is required",
  decimalMode: "unreasonable mode would be reasonable if specified in octal; remember to add a leading zero",
  tooManySystemdSources: "only one of the following can be set: contents, contents_local",
  quadletBadExtension: "unsupported file extension for quadlet: must be one of .container, .volume, .network, .kube, .image, .build, .pod, or .artifact",
  templateInstanceCannotHaveContents: "template instances cannot have contents or contents_local",

  mountUnitNoPath: "path is required if with_mount_unit is true and format is not swap",
  mountUnitNoFormat: "format is required if with_mount_unit is true",
  mountPointForbidden: "path must be under /etc or /var if with_mount_unit is true",

  unknownBootDeviceLayout: "layout must be one of: aarch64, ppc64le, s390x-eckd, s390x-virt, s390x-zfcp, x86_64",
  unknownBootDeviceLayoutLegacy: "layout must be one of: aarch64, ppc64le, x86_64",
  tooFewMirrorDevices: "mirroring requires at least two devices",
  mirrorRequiresLayout: "boot_device.layout should be specified when boot_device.mirror is specified",
  noLuksBootDevice: "device is required for layouts: s390x-eckd, s390x-zfcp",
  mirrorNotSupport: "mirroring not supported on layouts: s390x-eckd, s390x-zfcp, s390x-virt",
  luksBootDeviceBadName: "device name must start with /dev/dasd on s390x-eckd layout or /dev/sd on s390x-zfcp layout",
  cexArchitectureMismatch: "when using cex the targeted architecture must match s390x",
  cexNotSupported: "cex is not currently supported on the target platform",
  noLuksMethodSpecified: "no method specified for luks",
  cexWithClevis: "cannot use cex with clevis",

  reuseByLabel: "partitions cannot be reused by label; number must be specified except on boot disk (/dev/disk/by-id/coreos-boot-disk) or when wipe_table is true",
  wrongPartitionNumber: "incorrect partition number; a new partition will be created using reserved label",
  rootTooSmall: "root should have 8GiB of space assigned",
  rootConstrained: "root partition cannot expand; it is set to fill available space but is followed by an auto-positioned partition",

  grubUserNameNotSpecified: 'field "name" is required',
  grubPasswordNotSpecified: 'field "password_hash" is required',
} as const;

/** "No translator exists for variant X with version Y". */
export function unknownVersionMessage(variant: string, version: string): string {
  return `No translator exists for variant ${variant} with version ${version}`;
}
