// Editor documentation for Butane fields, keyed by field path (YAML keys from the top,
// list indexes left out). A key starting with "*." matches that suffix under any
// parent; the longest matching key wins, an exact path beats any suffix. Which
// fields exist, their types and the versions they appear in come from the spec
// tables (src/schemas/walk.ts), never from here: an entry for a field a version does
// not have is simply unused. Text written for this project, after the Butane and
// Ignition specification documents.

export interface FieldDoc {
  /** One or two sentences: what the field does. */
  d: string;
  /** The value the field has when left out, where the spec names one. */
  default?: string | number | boolean;
  /** Candidate values of an enumerated string field; each version keeps those its checks accept. */
  values?: readonly string[];
}

const RESOURCE_SOURCE = "URL to fetch the contents from (http, https, tftp, s3, arn, gs or data). Exactly one of `source`, `inline` and `local` may be set.";
const MODE_NOTE =
  "Butane reads it as Go's YAML library reads integers: a leading zero means octal (`0644`), as does `0o644`; `420` is the same mode in decimal. A decimal value that only makes sense as octal (`644`) draws a warning.";

export const BUTANE_FIELDS: Readonly<Record<string, FieldDoc>> = {
  variant: { d: "The operating system this config is for. Together with `version` it selects the specification the rest of the file is checked against." },
  version: { d: "The version of the variant's configuration specification (semantic version, e.g. `1.6.0`). Experimental versions end in `-experimental` and may change without notice." },

  ignition: { d: "Settings for Ignition itself: other configs to merge or replace this one with, TLS trust, proxies and timeouts." },
  "ignition.config": { d: "Other Ignition configs to combine with this one." },
  "ignition.config.merge": { d: "Configs fetched and merged into this one, in order; later values win." },
  "ignition.config.replace": { d: "A config that replaces this one entirely (this config only says where to find it)." },
  "ignition.timeouts": { d: "Network timeouts Ignition uses while fetching remote resources." },
  "ignition.timeouts.http_response_headers": { d: "Seconds to wait for a server's response headers (not the body). 0 disables the limit.", default: 10 },
  "ignition.timeouts.http_total": { d: "Seconds allowed for a whole fetch, retries included. 0 disables the limit.", default: 0 },
  "ignition.security": { d: "Security settings for fetching remote resources." },
  "ignition.security.tls": { d: "TLS settings for HTTPS fetches." },
  "ignition.security.tls.certificate_authorities": { d: "Extra certificate authorities (PEM bundles) trusted for HTTPS fetches, besides the system's." },
  "ignition.proxy": { d: "HTTP proxies for Ignition's own fetches." },
  "ignition.proxy.http_proxy": { d: "Proxy URL for plain HTTP requests." },
  "ignition.proxy.https_proxy": { d: "Proxy URL for HTTPS requests." },
  "ignition.proxy.no_proxy": { d: "Hosts (names, domains, addresses or CIDR ranges) reached without the proxy." },

  // Resources: any struct with source/inline/local/compression/verification/http_headers.
  "*.source": { d: RESOURCE_SOURCE },
  "*.inline": { d: "The contents written literally in the config. Exactly one of `source`, `inline` and `local` may be set." },
  "*.local": { d: "Path of a file, relative to the files directory given with `-d/--files-dir`, whose contents Butane embeds in the output. Exactly one of `source`, `inline` and `local` may be set." },
  "*.compression": { d: "Compression of the fetched data, which Ignition undoes: `gzip`, or empty for none. Butane may also compress `inline`/`local` data itself.", values: ["", "gzip"] },
  "*.verification": { d: "How to check the fetched data." },
  "*.verification.hash": { d: "Expected digest of the data, as `sha512-<hex>` (or `sha256-<hex>` in newer specs); a mismatch fails the boot. Checked before decompression." },
  "*.http_headers": { d: "Extra HTTP headers sent with the request (http and https sources only)." },
  "*.http_headers.name": { d: "Header name." },
  "*.http_headers.value": { d: "Header value." },

  storage: { d: "Disks, partitions, RAID, encrypted volumes, filesystems and the files, directories and links to create on them." },
  "storage.disks": { d: "Disks to partition." },
  "storage.disks.device": { d: "Absolute path of the disk device, e.g. `/dev/disk/by-id/…`." },
  "storage.disks.wipe_table": { d: "Erase the partition table before partitioning. When false, existing partitions are matched against the config.", default: false },
  "storage.disks.partitions": { d: "Partitions the disk must (or must not) have." },
  "storage.disks.partitions.label": { d: "Partition name (GPT label), at most 36 characters." },
  "storage.disks.partitions.number": { d: "Partition number; 0 means the next free number (then give a `label`)." },
  "storage.disks.partitions.size_mib": { d: "Size in MiB; 0 means as large as possible." },
  "storage.disks.partitions.start_mib": { d: "Start offset in MiB; 0 means the start of the largest free block (or where an existing partition is)." },
  "storage.disks.partitions.type_guid": { d: "GPT partition type GUID.", default: "0FC63DAF-8483-4772-8E79-3D69D8477DE4" },
  "storage.disks.partitions.guid": { d: "Unique GUID of the partition." },
  "storage.disks.partitions.wipe_partition_entry": { d: "Allow Ignition to delete an existing partition that does not match instead of failing.", default: false },
  "storage.disks.partitions.should_exist": { d: "Whether the partition must exist; false deletes it.", default: true },
  "storage.disks.partitions.resize": { d: "Allow an existing partition to be grown or shrunk to the requested size.", default: false },
  "storage.raid": { d: "Software RAID (md) arrays to create." },
  "storage.raid.name": { d: "Name of the array (it appears as `/dev/md/<name>`)." },
  "storage.raid.level": { d: "RAID level of the array.", values: ["linear", "raid0", "0", "stripe", "raid1", "1", "mirror", "raid4", "4", "raid5", "5", "raid6", "6", "raid10", "10"] },
  "storage.raid.devices": { d: "Absolute paths of the member devices." },
  "storage.raid.spares": { d: "Number of spare devices among `devices`." },
  "storage.raid.options": { d: "Extra arguments for `mdadm --create`." },
  "storage.luks": { d: "LUKS2 encrypted volumes to create." },
  "storage.luks.name": { d: "Name of the opened volume (it appears as `/dev/mapper/<name>`)." },
  "storage.luks.device": { d: "Absolute path of the device to encrypt." },
  "storage.luks.key_file": { d: "Where the volume's key comes from. Without it (and without Clevis or CEX) a random key is generated and stored in `/etc/luks/`." },
  "storage.luks.label": { d: "Label of the LUKS header." },
  "storage.luks.uuid": { d: "UUID of the LUKS header." },
  "storage.luks.options": { d: "Extra arguments for `cryptsetup luksFormat`." },
  "storage.luks.open_options": { d: "Extra arguments for `cryptsetup luksOpen`." },
  "storage.luks.wipe_volume": { d: "Erase an existing volume that does not match instead of failing.", default: false },
  "storage.luks.discard": { d: "Pass discard (TRIM) requests through to the device: better for SSDs and thin provisioning, but reveals which blocks are in use.", default: false },
  "*.clevis": { d: "Bind the volume to Clevis pins (TPM2, Tang servers) so it unlocks automatically." },
  "*.tang": { d: "Tang servers that can unlock the volume." },
  "*.tang.url": { d: "URL of the Tang server." },
  "*.tang.thumbprint": { d: "Thumbprint of a trusted signing key of the Tang server." },
  "*.tang.advertisement": { d: "The Tang server's advertisement (JSON), so that provisioning does not need to reach the server." },
  "*.tpm2": { d: "Use the machine's TPM2 to unlock the volume.", default: false },
  "*.threshold": { d: "How many of the configured pins must succeed to unlock the volume.", default: 1 },
  "*.clevis.custom": { d: "A hand-written Clevis configuration instead of `tpm2`/`tang`/`threshold`." },
  "*.clevis.custom.pin": { d: "The Clevis pin.", values: ["tpm2", "tang", "sss"] },
  "*.clevis.custom.config": { d: "The pin's configuration, as Clevis expects it (JSON)." },
  "*.clevis.custom.needs_network": { d: "The pin needs the network to unlock (adds networking to the initramfs).", default: false },
  "*.cex": { d: "Use an IBM Crypto Express (CEX) card for the volume key (s390x)." },
  "*.cex.enabled": { d: "Turn CEX key handling on.", default: false },
  "storage.filesystems": { d: "Filesystems to create (or reuse) on devices." },
  "storage.filesystems.device": { d: "Absolute path of the device holding the filesystem." },
  "storage.filesystems.format": { d: "Filesystem type.", values: ["ext4", "btrfs", "xfs", "vfat", "swap", "none", ""] },
  "storage.filesystems.path": { d: "Where the filesystem is mounted while Ignition writes files, and (with `with_mount_unit`) where the system mounts it." },
  "storage.filesystems.wipe_filesystem": { d: "Erase the device and create a new filesystem even if a matching one exists.", default: false },
  "storage.filesystems.label": { d: "Filesystem label." },
  "storage.filesystems.uuid": { d: "Filesystem UUID." },
  "storage.filesystems.options": { d: "Extra arguments for the mkfs command." },
  "storage.filesystems.mount_options": { d: "Options used when mounting the filesystem." },
  "storage.filesystems.with_mount_unit": { d: "Butane adds a systemd mount (or swap) unit so the filesystem is mounted on every boot.", default: false },
  "storage.files": { d: "Files to create, replace or append to." },
  "storage.files.contents": { d: "The file's contents. Without it, an existing file is kept (only mode and owner change) or an empty one is created." },
  "storage.files.append": { d: "Data added to the end of the file, in order." },
  "storage.directories": { d: "Directories to create." },
  "storage.links": { d: "Symbolic or hard links to create." },
  "storage.links.target": { d: "What the link points to." },
  "storage.links.hard": { d: "Create a hard link instead of a symbolic link.", default: false },
  "*.path": { d: "Absolute path of the node on the target system." },
  "*.overwrite": { d: "Replace whatever exists at the path. When false, an existing node of the wrong kind makes provisioning fail.", default: false },
  "storage.files.mode": { d: `Permission bits of the file (default 0644, or the existing file's). ${MODE_NOTE}` },
  "storage.directories.mode": { d: `Permission bits of the directory (default 0755, or the existing directory's). ${MODE_NOTE}` },
  "*.user": { d: "Owner of the node: give `id` or `name`, not both. Default: root." },
  "*.group": { d: "Group of the node: give `id` or `name`, not both. Default: root." },
  "*.user.id": { d: "Numeric user ID." },
  "*.user.name": { d: "User name (resolved on the target system)." },
  "*.group.id": { d: "Numeric group ID." },
  "*.group.name": { d: "Group name (resolved on the target system)." },
  "storage.trees": { d: "Directory trees under the files directory (`-d`) whose files Butane embeds, creating matching files, directories and links." },
  "storage.trees.local": { d: "Path of the tree, relative to the files directory." },
  "storage.trees.path": { d: "Where the tree is placed on the target system.", default: "/" },
  "storage.trees.file_mode": { d: `Permission bits for the tree's files; executables otherwise get 0755 and the rest 0644. ${MODE_NOTE}` },
  "storage.trees.dir_mode": { d: `Permission bits for the tree's directories (default 0755). ${MODE_NOTE}` },

  systemd: { d: "systemd units (and, in newer specs, Podman quadlets)." },
  "systemd.units": { d: "systemd units to write, enable or mask." },
  "systemd.units.name": { d: "Unit name with its type suffix, e.g. `app.service`." },
  "systemd.units.enabled": { d: "Enable (true) or disable (false) the unit; leave out to keep the preset." },
  "systemd.units.mask": { d: "Mask the unit (link it to /dev/null).", default: false },
  "*.contents": { d: "The full text of the unit (or drop-in)." },
  "*.contents_local": { d: "Path, relative to the files directory (`-d`), of a file holding the text. Not together with `contents`." },
  "*.dropins": { d: "Drop-in files that amend the unit." },
  "*.dropins.name": { d: "Drop-in file name, ending in `.conf`." },
  "systemd.quadlets": { d: "Podman quadlet files (containers, volumes, networks, pods, …) that systemd turns into units." },
  "systemd.quadlets.name": { d: "File name with its quadlet type suffix, e.g. `web.container`." },
  "systemd.quadlets.rootful": { d: "Install for the system (`/etc/containers/systemd`) rather than for all non-root users." },

  passwd: { d: "Users and groups to create or change." },
  "passwd.users": { d: "User accounts." },
  "passwd.users.name": { d: "Login name. An existing user is changed, a missing one created." },
  "passwd.users.password": { d: "acos: ask for this user's password when compiling instead of writing `password_hash`; only the yescrypt hash reaches the output." },
  "passwd.users.password.prompt": { d: "acos: `true` makes `butane` ask for the password on the terminal (twice, without echo) and write its yescrypt hash." },
  updates: { d: "acos: how zincati applies OS updates, written to `/etc/zincati/config.d/55-updates-strategy.toml`." },
  "updates.strategy": { d: "When to reboot into an update: `immediate` (as soon as it is staged), `periodic` (only in the maintenance windows) or `fleet_lock` (after taking a lock from a fleet lock server).", values: ["immediate", "periodic", "fleet_lock"] },
  "updates.enabled": { d: "acos: `false` turns automatic updates off (zincati's `[updates] enabled`).", default: true },
  "updates.rollout_wariness": { d: "How eager this node is to take new releases in a staged rollout: 0.0 (early) to 1.0 (late)." },
  "updates.base_url": { d: "`fleet_lock`: the http(s) URL of the lock server (e.g. airlock)." },
  "updates.group": { d: "`fleet_lock`: the lock group this node belongs to.", default: "default" },
  "updates.time_zone": { d: "`periodic`: the IANA time zone of the windows (e.g. `Europe/Moscow`), or `localtime`.", default: "UTC" },
  "updates.windows": { d: "`periodic`: the maintenance windows in which a reboot may start." },
  "updates.windows.days": { d: "Days of the week the window opens on (`Mon` … `Sun`)." },
  "updates.windows.start_time": { d: "When the window opens, 24-hour `HH:MM`." },
  "updates.windows.length_minutes": { d: "How long the window stays open, 1 to 1440 minutes." },
  "passwd.users.password_hash": { d: "Password hash as /etc/shadow stores it (make one with `butane-mkpasswd` or `mkpasswd`)." },
  "passwd.users.ssh_authorized_keys": { d: "SSH public keys allowed to log in as the user." },
  "passwd.users.ssh_authorized_keys_local": { d: "Files, relative to the files directory (`-d`), each holding SSH public keys for the user." },
  "passwd.users.uid": { d: "Numeric user ID (new users only)." },
  "passwd.users.gecos": { d: "The GECOS (full name) field (new users only)." },
  "passwd.users.home_dir": { d: "Home directory (new users only)." },
  "passwd.users.no_create_home": { d: "Do not create the home directory (new users only).", default: false },
  "passwd.users.primary_group": { d: "Primary group (new users only)." },
  "passwd.users.groups": { d: "Supplementary groups the user joins." },
  "passwd.users.no_user_group": { d: "Do not create a group named after the user (new users only).", default: false },
  "passwd.users.no_log_init": { d: "Keep the user out of the lastlog and faillog databases (new users only).", default: false },
  "passwd.users.shell": { d: "Login shell (new users only)." },
  "passwd.users.system": { d: "Create a system account (new users only).", default: false },
  "passwd.users.should_exist": { d: "Whether the user must exist; false deletes it.", default: true },
  "passwd.groups": { d: "Groups." },
  "passwd.groups.name": { d: "Group name." },
  "passwd.groups.gid": { d: "Numeric group ID." },
  "passwd.groups.password_hash": { d: "Group password hash." },
  "passwd.groups.system": { d: "Create a system group.", default: false },
  "passwd.groups.should_exist": { d: "Whether the group must exist; false deletes it.", default: true },

  kernel_arguments: { d: "Kernel command-line arguments to add or remove (applied on first boot, followed by a reboot)." },
  "kernel_arguments.should_exist": { d: "Arguments that must be on the kernel command line; missing ones are added." },
  "kernel_arguments.should_not_exist": { d: "Arguments that must not be on the kernel command line; present ones are removed." },

  boot_device: { d: "Sugar for the boot disk: encrypt the root filesystem and/or mirror the boot disk; Butane expands it into storage settings." },
  "boot_device.layout": { d: "Disk layout of the OS image, which decides the partitions Butane sets up.", default: "x86_64", values: ["aarch64", "ppc64le", "s390x-eckd", "s390x-virt", "s390x-zfcp", "x86_64"] },
  "boot_device.luks": { d: "Encrypt the root filesystem with LUKS, unlocked by TPM2, Tang or CEX." },
  "boot_device.luks.device": { d: "The disk holding the root filesystem (needed on s390x layouts)." },
  "boot_device.luks.discard": { d: "Pass discard (TRIM) requests through to the device.", default: false },
  "boot_device.mirror": { d: "Mirror the boot disk (RAID1) onto several devices." },
  "boot_device.mirror.devices": { d: "The disks to mirror onto (at least two)." },

  grub: { d: "GRUB bootloader settings." },
  "grub.users": { d: "GRUB superusers, who may edit boot entries." },
  "grub.users.name": { d: "GRUB user name." },
  "grub.users.password_hash": { d: "PBKDF2 hash from `grub2-mkpasswd-pbkdf2` (or `butane-mkpasswd --method=grub-pbkdf2`)." },

  metadata: { d: "Metadata of the generated MachineConfig." },
  "metadata.name": { d: "Name of the MachineConfig object (required)." },
  "metadata.labels": { d: "Labels of the MachineConfig; `machineconfiguration.openshift.io/role` (the pool, e.g. `worker`) is required." },
  openshift: { d: "OpenShift settings written to the MachineConfig spec." },
  "openshift.kernel_arguments": { d: "Kernel arguments the Machine Config Operator adds." },
  "openshift.extensions": { d: "RHCOS extensions to install (e.g. `usbguard`)." },
  "openshift.fips": { d: "Turn on FIPS mode.", default: false },
  "openshift.kernel_type": { d: "Which kernel to run: `default` or `realtime` (empty means default).", values: ["", "default", "realtime"] },
};

/** The documentation of a field path: exact entry, else the longest matching "*." suffix. */
export function fieldDoc(path: string): FieldDoc | undefined {
  const exact = BUTANE_FIELDS[path];
  if (exact) return exact;
  const parts = path.split(".");
  for (let i = 1; i < parts.length; i++) {
    const hit = BUTANE_FIELDS["*." + parts.slice(i).join(".")];
    if (hit) return hit;
  }
  return undefined;
}
