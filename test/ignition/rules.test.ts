// Each of Ignition's semantic rules on a small config, with the reference's messages,
// paths and order (the oracle replay checks the same rules on thousands of documents).
import { describe, expect, it } from "vitest";
import { getIgnitionSpec } from "../../src/ignition/spec/index";
import { validateConfigSemantics, validateDuplicates } from "../../src/ignition/index";
import { validatePath, validateURL } from "../../src/ignition/validate/semantics";
import { parseUnit } from "../../src/go/unit";
import { dataURLError } from "../../src/go/dataurl";

/** The validation features of an Ignition spec version. */
const has = (version: string) => getIgnitionSpec(version)!.features;

type Row = [severity: string, path: string, message: string];

function sem(version: string, rest: Record<string, unknown>): Row[] {
  const spec = getIgnitionSpec(version)!;
  return validateConfigSemantics({ ignition: { version }, ...rest }, spec).map((e) => [e.severity, "$." + e.path.join("."), e.message]);
}
function dups(version: string, rest: Record<string, unknown>): Row[] {
  const spec = getIgnitionSpec(version)!;
  return validateDuplicates({ ignition: { version }, ...rest }, spec).map((e) => [e.severity, "$." + e.path.join("."), e.message]);
}
const E = (path: string, message: string): Row => ["error", path, message];
const W = (path: string, message: string): Row => ["warning", path, message];
const HEX = "0123456789abcdef";

describe("version", () => {
  it("must parse and equal the spec version", () => {
    expect(validateConfigSemantics({}, getIgnitionSpec("3.0.0")!)).toMatchObject([{ path: ["ignition", "version"], message: "invalid config version (couldn't parse)" }]);
    expect(sem("3.4.0", {})).toEqual([]);
    const spec = getIgnitionSpec("3.5.0")!;
    expect(validateConfigSemantics({ ignition: { version: "3.4.0" } }, spec)[0]!.message).toBe("unsupported config version");
    expect(validateConfigSemantics({ ignition: { version: "3.05.0" } }, spec)).toEqual([]);
    expect(validateConfigSemantics({ ignition: { version: "3.5.0+x" } }, spec)[0]!.message).toBe("unsupported config version");
    expect(sem("3.7.0-experimental", {})).toEqual([]);
  });
});

describe("paths", () => {
  it("absolute and clean", () => {
    expect(validatePath("")).toBe("path not specified");
    expect(validatePath("a/b")).toBe("path not absolute");
    for (const p of ["/a/", "/a//b", "/a/./b", "/a/../b", "//a"]) expect(validatePath(p)).toBe("path is not fully simplified");
    for (const p of ["/", "/a", "/a/b.c", "/a/..b"]) expect(validatePath(p)).toBeNull();
  });

  it("files, directories and links", () => {
    expect(sem("3.4.0", { storage: { files: [{ path: "etc/x" }], directories: [{ path: "" }], links: [{ path: "/l/", target: "/t" }] } })).toEqual([
      E("$.storage.directories.0.path", "path not specified"),
      E("$.storage.files.0.path", "path not absolute"),
      E("$.storage.links.0.path", "path is not fully simplified"),
    ]);
  });
});

describe("modes", () => {
  it("range, and special bits before 3.6.0", () => {
    expect(sem("3.5.0", { storage: { files: [{ path: "/a", mode: 0o4755 }], directories: [{ path: "/d", mode: 0o10000 }] } })).toEqual([
      E("$.storage.directories.0.mode", "illegal file mode"),
      E("$.storage.files.0.mode", "setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0").map((x, i) => (i === 0 ? "warning" : x)) as Row,
    ]);
    expect(sem("3.6.0", { storage: { files: [{ path: "/a", mode: 0o4755 }, { path: "/b", mode: -1 }] } })).toEqual([E("$.storage.files.1.mode", "illegal file mode")]);
    // uint32 wrap-around of a negative mode sets the special bits.
    expect(sem("3.4.0", { storage: { files: [{ path: "/b", mode: -1 }] } })).toEqual([
      E("$.storage.files.0.mode", "illegal file mode"),
      W("$.storage.files.0.mode", "setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0"),
    ]);
  });

  it("overwrite needs a source", () => {
    expect(sem("3.4.0", { storage: { files: [{ path: "/a", overwrite: true }, { path: "/b", overwrite: true, contents: { source: "" } }] } })).toEqual([
      E("$.storage.files.0.overwrite", "overwrite must be false if source is unspecified"),
    ]);
  });

  it("user and group: id or name", () => {
    expect(sem("3.4.0", { storage: { files: [{ path: "/a", user: { id: 0, name: "root" }, group: { id: 1, name: "" } }] } })).toEqual([E("$.storage.files.0.user", "cannot set both id and name")]);
  });
});

describe("links and conflicts", () => {
  it("nodes under links, link targets, hard links to directories, owners of hard links", () => {
    const storage = {
      directories: [{ path: "/l/d" }, { path: "/t" }],
      files: [{ path: "/l/f" }],
      links: [{ path: "/l", target: "/x" }, { path: "/l/m", target: "" }, { path: "/h", target: "/t", hard: true, user: { id: 0 }, group: { name: "g" } }],
    };
    expect(sem("3.4.0", { storage })).toEqual([
      E("$.storage.directories.0", "directory path includes link in config"),
      E("$.storage.files.0", "file path includes link in config"),
      E("$.storage.links.1", "link path includes link in config"),
      E("$.storage.links.1.target", "link target is required"),
      E("$.storage.links.2", "hard link target is a directory"),
      W("$.storage.links.2.user.id", "user/group ignored for hard link"),
      W("$.storage.links.2.group.name", "user/group ignored for hard link"),
    ]);
  });

  it("relative hard link targets are joined to the link's own path", () => {
    expect(sem("3.4.0", { storage: { directories: [{ path: "/var/lib/data/sub" }], links: [{ path: "/var/lib/data", target: "sub", hard: true }] } })).toEqual([
      E("$.storage.directories.0", "directory path includes link in config"),
      E("$.storage.links.0", "hard link target is a directory"),
    ]);
  });

  it("paths that systemd units and drop-ins own", () => {
    const systemd = { units: [{ name: "a.service", contents: "[Unit]\n", dropins: [{ name: "x.conf", contents: "[Service]\n" }, { name: "y.conf" }] }, { name: "b.service" }] };
    const storage = {
      files: [{ path: "/etc/systemd/system/a.service" }, { path: "/etc/systemd/system/a.service.d/y.conf" }, { path: "/etc/systemd/system/b.service" }],
      directories: [{ path: "/etc/systemd/system/a.service.d/x.conf" }],
    };
    expect(sem("3.4.0", { storage, systemd })).toEqual([
      E("$.storage.files.0.path", "path conflicts with systemd unit or dropin"),
      E("$.storage.directories.0.path", "path conflicts with systemd unit or dropin"),
    ]);
  });
});

describe("duplicates", () => {
  it("keys per list, nodes sharing one key space, ignored lists", () => {
    const storage = {
      directories: [{ path: "/a" }],
      files: [{ path: "/a", append: [{ source: "data:,x" }, { source: "data:,x" }] }, { path: "/b" }],
      links: [{ path: "/b", target: "/c" }],
      filesystems: [{ device: "/dev/a", format: "ext4", options: ["-L", "-L"] }, { device: "/dev/a", format: "ext4" }],
      raid: [{ name: "r", level: "raid1", devices: ["/dev/x", "/dev/x"], options: ["o", "o"] }],
    };
    expect(dups("3.4.0", { storage, kernelArguments: { shouldExist: ["a"], shouldNotExist: ["a"] } })).toEqual([
      E("$.kernelArguments.shouldNotExist.0", "duplicate entry defined"),
      E("$.storage.files.0", "duplicate entry defined"),
      E("$.storage.filesystems.1", "duplicate entry defined"),
      E("$.storage.links.0", "duplicate entry defined"),
      E("$.storage.raid.0.devices.1", "duplicate entry defined"),
    ]);
  });

  it("partition keys: number, else label, else empty", () => {
    const disks = [{ device: "/dev/a", partitions: [{ number: 1 }, { label: "x" }, { number: 1, label: "y" }, { label: "x" }, {}, {}] }];
    expect(dups("3.4.0", { storage: { disks } }).map((r) => r[1])).toEqual([
      "$.storage.disks.0.partitions.2",
      "$.storage.disks.0.partitions.3",
      "$.storage.disks.0.partitions.5",
    ]);
  });

  it("users, groups, units, drop-ins, headers, merge sources, tang servers", () => {
    const rest = {
      passwd: { users: [{ name: "a", sshAuthorizedKeys: ["k", "k"], groups: ["g", "g"] }, { name: "a" }], groups: [{ name: "g" }, { name: "g" }] },
      systemd: { units: [{ name: "u.service", dropins: [{ name: "d.conf" }, { name: "d.conf" }] }, { name: "u.service" }] },
    };
    expect(dups("3.4.0", rest).map((r) => r[1])).toEqual([
      "$.passwd.groups.1",
      "$.passwd.users.1",
      "$.passwd.users.0.groups.1",
      "$.passwd.users.0.sshAuthorizedKeys.1",
      "$.systemd.units.1",
      "$.systemd.units.0.dropins.1",
    ]);
  });
});

describe("resources", () => {
  it("compression, verification, source, HTTP headers", () => {
    const files = [
      { path: "/a", contents: { compression: "xz", verification: { hash: `sha512-${HEX}` } } },
      { path: "/b", contents: { source: "http://x/y", verification: { hash: "sha256" } } },
      { path: "/c", contents: { source: "data:,x", httpHeaders: [{ name: "", value: "" }] } },
      { path: "/d", contents: { httpHeaders: [{ name: "A" }] } },
      { path: "/e", contents: { source: "ftp://x", verification: { hash: `md5-${HEX}` } } },
    ];
    expect(sem("3.4.0", { storage: { files } })).toEqual([
      E("$.storage.files.0.contents.compression", "invalid compression method"),
      E("$.storage.files.0.contents.verification.hash", "source must be specified if verification is specified"),
      E("$.storage.files.0.contents.verification.hash", "incorrect size for hash sum"),
      E("$.storage.files.1.contents.verification.hash", "malformed hash specifier"),
      E("$.storage.files.2.contents.httpHeaders", "cannot use HTTP headers with this source scheme"),
      E("$.storage.files.2.contents.httpHeaders.0.name", "HTTP header name can't be empty"),
      E("$.storage.files.2.contents.httpHeaders.0.value", "unable to parse HTTP header"),
      E("$.storage.files.3.contents.httpHeaders", "unable to parse url"),
      E("$.storage.files.4.contents.source", "invalid url scheme"),
      E("$.storage.files.4.contents.verification.hash", "unrecognized hash function"),
    ]);
  });

  it("hash functions by version (sha256 from 3.1.0)", () => {
    const files = [{ path: "/a", contents: { source: "http://x", verification: { hash: `sha256-${HEX.repeat(4)}` } } }];
    expect(sem("3.0.0", { storage: { files } })).toEqual([E("$.storage.files.0.contents.verification.hash", "unrecognized hash function")]);
    expect(sem("3.1.0", { storage: { files } })).toEqual([]);
  });

  it("URL schemes by version", () => {
    expect(validateURL("gs://b/o", has("3.1.0"))).toBe("invalid url scheme");
    expect(validateURL("gs://b/o", has("3.2.0"))).toBeNull();
    expect(validateURL("arn:aws:s3:::b/k", has("3.3.0"))).toBe("invalid url scheme");
    expect(validateURL("arn:aws:s3:::b/k", has("3.4.0"))).toBeNull();
    expect(validateURL("arn:aws:s3:::b", has("3.4.0"))).toBe("invalid S3 ARN format");
    expect(validateURL("arn:aws:iam:::b/k", has("3.4.0"))).toBe("invalid S3 ARN format");
    expect(validateURL("arn:aws:s3:r:a:accesspoint/x", has("3.4.0"))).toBe("invalid S3 ARN format");
    expect(validateURL("arn:aws:s3:r:a:accesspoint/x/object/k", has("3.4.0"))).toBeNull();
    expect(validateURL("s3://b/k?versionId=", has("3.0.0"))).toBe("invalid S3 object VersionId");
    expect(validateURL("s3://b/k?versionId=1&versionId=", has("3.0.0"))).toBeNull();
    expect(validateURL("tftp://h/f", has("3.0.0"))).toBeNull();
    expect(validateURL("HTTPS://X/y", has("3.0.0"))).toBeNull();
    expect(validateURL("", has("3.0.0"))).toBe("invalid url scheme");
    expect(validateURL("http://x/%zz", has("3.0.0"))).toBe("unable to parse url");
    expect(validateURL("http://a b/", has("3.0.0"))).toBe("unable to parse url");
    expect(validateURL(":x", has("3.0.0"))).toBe("unable to parse url");
  });

  it("data URLs are decoded", () => {
    expect(dataURLError("data:,hello%20world")).toBeNull();
    expect(dataURLError("data:text/plain;charset=utf-8;base64,aGk=")).toBeNull();
    expect(dataURLError("data:,a b")).toBe("invalid data character");
    expect(dataURLError("data:,100%")).toBe("rfc2396: unexpected end of unescape sequence");
    expect(dataURLError("data:,%zz")).toBe("rfc2396: invalid char 0x25 in unescape sequence");
    expect(dataURLError("data:foo/bar,x")).toBe("invalid media type");
    expect(dataURLError("data:text/pl@in,x")).toBe("invalid character for media subtype");
    expect(dataURLError("data:text,x")).toBe("invalid character for media type");
    expect(dataURLError("data:;base64,aGk")).toBe("illegal base64 data at input byte 0");
    expect(dataURLError("data:;base64,aGk=x")).toBe("illegal base64 data at input byte 4");
    expect(dataURLError("data:;base64x,a")).toBe("expected base64, got base64x");
    expect(dataURLError("data:;a=\"b\\q\",c")).toBe("invalid syntax");
    expect(dataURLError("DATA:,x")).toBe("missing data prefix");
  });

  it("config merge/replace and certificate authorities need sources", () => {
    const ignition = {
      version: "3.4.0",
      config: { merge: [{}, { source: "ftp://x" }], replace: { verification: { hash: `sha512-${HEX.repeat(8)}` } } },
      security: { tls: { certificateAuthorities: [{ source: "" }] } },
    };
    expect(validateConfigSemantics({ ignition }, getIgnitionSpec("3.4.0")!).map((e) => [e.path.join("."), e.message])).toEqual([
      ["ignition.config.merge.0", "source is required"],
      ["ignition.config.merge.1", "invalid url scheme"],
      ["ignition.config.merge.1.source", "invalid url scheme"],
      ["ignition.config.replace.verification.hash", "source must be specified if verification is specified"],
      ["ignition.security.tls.certificateAuthorities.0", "source is required"],
    ]);
    // 3.0.0: config references may omit the source; CA references need a valid URL.
    const v30 = { version: "3.0.0", config: { merge: [{ source: null }] }, security: { tls: { certificateAuthorities: [{ source: "" }] } } };
    expect(validateConfigSemantics({ ignition: v30 }, getIgnitionSpec("3.0.0")!).map((e) => [e.path.join("."), e.message])).toEqual([
      ["ignition.security.tls.certificateAuthorities.0.source", "invalid url scheme"],
    ]);
  });

  it("proxies", () => {
    const ignition = { version: "3.4.0", proxy: { httpProxy: "socks5://p", httpsProxy: "http://p" } };
    expect(validateConfigSemantics({ ignition }, getIgnitionSpec("3.4.0")!).map((e) => [e.severity, e.path.join("."), e.message])).toEqual([
      ["error", "ignition.proxy.httpProxy", "proxies must be http(s)"],
      ["warning", "ignition.proxy.httpsProxy", "insecure plaintext HTTP proxy specified for HTTPS resources"],
    ]);
  });
});

describe("systemd", () => {
  it("unit and drop-in names, contents, install sections", () => {
    const units = [
      { name: "a", contents: "[Service" },
      { name: "b.service", enabled: true, contents: "[Service]\nExecStart=/bin/true\n" },
      { name: "c.service", enabled: true, contents: "" },
      { name: "d.timer", dropins: [{ name: "x", contents: "[X]\nA" }] },
      { name: "t@.service", contents: "[Service]\nA=b\n" },
      { name: "t@i.service", enabled: true },
    ];
    expect(sem("3.4.0", { systemd: { units } })).toEqual([
      W("$.systemd.units.5.contents", `template unit "t@.service" for "t@i.service" doesn't have Install section`),
      E("$.systemd.units.0.name", "invalid systemd unit extension"),
      E("$.systemd.units.0.contents", "invalid unit content: unable to find end of section"),
      W("$.systemd.units.1.contents", `unit "b.service" is enabled, but has no install section so enable does nothing`),
      E("$.systemd.units.3.dropins.0.contents", "invalid unit content: EOF"),
      E("$.systemd.units.3.dropins.0.name", "invalid systemd drop-in extension"),
    ]);
  });

  it("go-systemd's parser: errors and what counts as an Install section", () => {
    expect(parseUnit("[Install]\nWantedBy=x")).toEqual({ sections: ["Install"] });
    expect(parseUnit("[Install]\n")).toEqual({ sections: [] });
    expect(parseUnit("#c\\\n[Install]\nA=b")).toEqual({ sections: [] });
    expect(parseUnit("[A]x\n")).toEqual({ error: 'found garbage after section name : "x"' });
    expect(parseUnit("[A]\nB\nC=d")).toEqual({ error: "unexpected newline encountered while parsing option name" });
    expect(parseUnit("[A]\nB=" + "c".repeat(2100))).toEqual({ error: "line too long (max 2048 bytes)" });
    expect(parseUnit("[A]\nB=" + "c".repeat(2040) + "\nD=e\n")).toEqual({ sections: ["A", "A"] });
  });
});

describe("storage devices", () => {
  it("disks and partitions", () => {
    const disks = [
      { partitions: [{ number: 1 }] },
      {
        device: "/dev/b",
        partitions: [
          { number: 1, startMiB: 10, sizeMiB: 10 },
          { number: 1, startMiB: 15, sizeMiB: 10, guid: "x", label: "a:b" },
          { label: "y".repeat(37), shouldExist: false, typeGuid: "0FC63DAF-8483-4772-8E79-3D69D8477DE4" },
          { label: "a:b" },
        ],
      },
    ];
    expect(sem("3.4.0", { storage: { disks } })).toEqual([
      E("$.storage.disks.0.device", "disk device is required"),
      E("$.storage.disks.1.partitions.1", "partition numbers collide"),
      E("$.storage.disks.1.partitions.1", "partitions overlap"),
      E("$.storage.disks.1.partitions", "shouldExist is false for a partition and other partition(s) has start or size 0"),
      E("$.storage.disks.1.partitions.3", "cannot use the same partition label twice"),
      E("$.storage.disks.1.partitions.1.label", "partition label will be truncated to text before the colon"),
      E("$.storage.disks.1.partitions.1.guid", 'doesn\'t match the form "01234567-89AB-CDEF-EDCB-A98765432101"'),
      E("$.storage.disks.1.partitions.2", "shouldExist specified false with other options also specified"),
      E("$.storage.disks.1.partitions.2.label", "partition labels may not exceed 36 characters"),
      E("$.storage.disks.1.partitions.3.label", "partition label will be truncated to text before the colon"),
    ]);
  });

  it("filesystems", () => {
    const filesystems = [
      { device: "/dev/a", path: "/var" },
      { device: "/dev/b", format: "zfs" },
      { device: "/dev/c", format: "xfs", label: "x".repeat(13) },
      { device: "/dev/d", format: "none" },
      { device: "/dev/e", label: "x" },
      { device: "/dev/f", format: "ext4" },
    ];
    const disks = [{ device: "/dev/f", partitions: [{ number: 1 }] }];
    expect(sem("3.2.0", { storage: { filesystems: filesystems.slice(3, 4) } })).toEqual([E("$.storage.filesystems.0.format", "invalid filesystem format")]);
    expect(sem("3.4.0", { storage: { filesystems, disks } })).toEqual([
      W("$.storage.filesystems.5.device", "filesystem overwrites partitioned device"),
      E("$.storage.filesystems.0.format", "format cannot be empty when path, label, uuid, wipeFilesystem, options, or mountOptions is specified"),
      E("$.storage.filesystems.1.format", "invalid filesystem format"),
      E("$.storage.filesystems.2.label", "filesystem labels cannot be longer than 12 characters when using xfs"),
      E("$.storage.filesystems.4.format", "format cannot be empty when path, label, uuid, wipeFilesystem, options, or mountOptions is specified"),
      E("$.storage.filesystems.4.label", "filesystem must specify format if label is specified"),
    ]);
  });

  it("raid levels and devices", () => {
    const raid = [{ name: "a", devices: ["/dev/x", "dev/y"] }, { name: "b", level: "raid0", spares: 1, devices: ["/dev/z"] }, { name: "c", level: "raid7" }];
    expect(sem("3.4.0", { storage: { raid } })).toEqual([
      E("$.storage.raid.0.level", "raid level is required"),
      E("$.storage.raid.0.devices.1", "path not absolute"),
      E("$.storage.raid.1.level", "spares unsupported for linear and raid0 arrays"),
      E("$.storage.raid.2.level", "unrecognized raid level"),
      E("$.storage.raid.2.devices", "raid devices required"),
    ]);
    // Before 3.3.0 the level is a plain string: empty is simply unrecognized.
    expect(sem("3.2.0", { storage: { raid: [{ name: "a", level: "", devices: ["/dev/x"] }] } })).toEqual([E("$.storage.raid.0.level", "unrecognized raid level")]);
  });

  it("LUKS, Clevis, Tang and CEX", () => {
    const luks = [
      { name: "a/b", device: "dev/x", label: "l".repeat(48), keyFile: { source: "ftp://x" } },
      { name: "c", clevis: { custom: { pin: "foo", needsNetwork: true }, tpm2: true } },
      { name: "d", device: "/dev/d", clevis: { tang: [{ url: "ftp://t", advertisement: "{" }] } },
      { name: "e", device: "/dev/e", cex: { enabled: true }, clevis: { tpm2: true }, keyFile: { source: "data:,k" } },
    ];
    expect(sem("3.5.0", { storage: { luks } })).toEqual([
      E("$.storage.luks.0.name", "device names cannot contain slashes"),
      E("$.storage.luks.0.label", "luks device labels cannot be longer than 47 characters"),
      E("$.storage.luks.0.device", "path not absolute"),
      E("$.storage.luks.0.keys", "invalid key-file source"),
      E("$.storage.luks.0.keyFile.source", "invalid url scheme"),
      E("$.storage.luks.1.device", "disk device is required"),
      E("$.storage.luks.1.clevis", "cannot use custom clevis config with tpm2, tang, or threshold"),
      E("$.storage.luks.1.clevis.custom.pin", "unsupported clevis pin"),
      E("$.storage.luks.1.clevis.custom.config", "missing required custom clevis config"),
      E("$.storage.luks.2.clevis.tang.0.url", "invalid url scheme"),
      E("$.storage.luks.2.clevis.tang.0.thumbprint", "thumbprint is required"),
      E("$.storage.luks.2.clevis.tang.0.advertisement", "advertisement is not valid JSON"),
      E("$.storage.luks.3.cex", "cannot use cex with clevis"),
      E("$.storage.luks.3.cex", "cannot use key file with cex"),
    ]);
    // 3.6.0 no longer restricts custom pins; 3.2.0's Custom has plain-string fields.
    expect(sem("3.6.0", { storage: { luks: [{ name: "c", device: "/dev/c", clevis: { custom: { pin: "foo", config: "{}" } } }] } })).toEqual([]);
    expect(sem("3.2.0", { storage: { luks: [{ name: "c", device: "/dev/c", clevis: { custom: { pin: "", config: "x" }, threshold: 1 } }] } })).toEqual([
      E("$.storage.luks.0.clevis", "cannot use custom clevis config with tpm2, tang, or threshold"),
      E("$.storage.luks.0.clevis.custom.pin", "unsupported clevis pin"),
    ]);
  });
});
