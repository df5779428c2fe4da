// Deterministic generators of Ignition documents for the tests:
//  - randomConfig(): configs of a spec version built from the spec tables, with values
//    drawn from small pools of interesting values (so that Ignition's rules, duplicate
//    checks and conflicts fire often);
//  - schemaMutations(): systematic type-level mutations of a valid config (wrong types,
//    nulls, missing required keys, unknown keys, …) for the schema agreement test.

import type { FieldSpec, SpecVersion } from "../../src/ignition/spec/model";
import { parseType } from "../../src/ignition/spec/model";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** mulberry32: a small seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX128 = "0123456789abcdef".repeat(8);
const HEX64 = "0123456789abcdef".repeat(4);
const LONG_LINE = "[Service]\nExecStart=/bin/echo " + "x".repeat(2100) + "\n";
const LONG_SECTION = "[" + "S".repeat(2100) + "]\nA=b\n";

const POOLS: Record<string, readonly Json[]> = {
  path: ["/a", "/a/b", "/a/b/c", "/l", "/l/x", "/d", "/d/e", "a/b", "", "/a/", "/a//b", "/a/./b", "/a/../b", "/", "/etc/systemd/system/foo.service", "/etc/systemd/system/foo.service.d/override.conf", "/etc/systemd/system/x@.service"],
  fsPath: ["/var", "/var/lib", "var", "", "/var/", null],
  device: ["/dev/sda", "/dev/sdb", "/dev/disk/by-label/x", "dev/sda", "", "/dev//sda", "/dev/md/r"],
  source: [
    "http://example.com/a",
    "https://example.com/a?b=c#d",
    "tftp://host/file",
    "s3://bucket/key",
    "s3://bucket/key?versionId=",
    "s3://bucket/key?versionId=v1",
    "s3://bucket/key?versionId",
    "s3://bucket/key?x=1&versionId=&versionId=2",
    "s3://bucket/key?versionId=%zz&versionId=",
    "gs://bucket/object",
    "arn:aws:s3:::bucket/key",
    "arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/key",
    "arn:aws:s3:us-east-1:123456789012:accesspoint/ap",
    "arn:aws:iam:::bucket/key",
    "arn:aws:s3:::bucket",
    "arn:aws:s3:::bucket/key?versionId=",
    "arn:aws",
    "data:,hello",
    "data:text/plain;base64,aGVsbG8=",
    "data:;base64,aGVsbG8",
    "data:;base64,aGVsbG8=\naGk=",
    "data:text/plain;base64,####",
    "data:text/plain;base64,aGVsbG8===",
    "data:x-foo/bar,abc",
    "data:xy/bar,abc",
    "data:foo/bar,abc",
    "data:text/plain;charset=\"a\\\"b\",x",
    "data:text/plain;charset=\"\";x=%zz,x",
    "data:text/plain;charset=%4,x",
    "data:text/plain;base64x,abc",
    "data:text/plain;a=b;base64,aGk=",
    "data:text/,x",
    "data:text/pl ain,x",
    "data:,100%",
    "data:,100%2",
    "data:,a b",
    "data:,a#frag",
    "data:,%E2%82%AC",
    "data:text/plain",
    "DATA:,x",
    "ftp://example.com/x",
    "file:///etc/x",
    "",
    "http://[::1]:80/x",
    "http://[::1/x",
    "http://a b/",
    "http://%zz/",
    "http://host:port/",
    "%zz",
    "://x",
    "http://x/%zz",
    "http://user:pa ss@x/",
    "http://us%zzer@x/",
    "HTTP://EXAMPLE.com/X",
    "http://x/\u0001",
    "http://x/#%zz",
    "relative/path",
    "a:b/c",
    "http:opaque",
  ],
  hash: [`sha512-${HEX128}`, `sha256-${HEX64}`, "sha512-abc", `md5-${HEX64}`, "sha512", "", "sha256-", `sha512-${HEX128}0`, `SHA512-${HEX128}`, `sha256-${HEX64.slice(0, 63)}é`],
  mode: [420, 493, 0, -1, 4095, 4096, 2541, 0o4755, 0o1777, 99999, 384],
  unitContents: [
    "[Unit]\nDescription=x\n[Install]\nWantedBy=multi-user.target\n",
    "[Service]\nExecStart=/bin/true\n",
    "[Service",
    "[Service]\nRestart",
    "[Service]\nRestart\n",
    "[Service] garbage\n",
    "[Service]\t \n",
    "",
    "  \n",
    "#comment\n[Install]\nWantedBy=x",
    "[Install]\n",
    "[Install]\nWantedBy=a\\\n b\n",
    LONG_LINE,
    LONG_SECTION,
    "[Unit]\nA=b\\\nc\n",
    "x=y",
    "[X]\r\nA=b\r\n",
    ";c\\\n[Install]\nA=b",
    "[Unit]\n\u00a0Description=é\n",
    "[Service]\nExecStart=/bin/echo " + "é".repeat(1100) + "\n",
  ],
  unitName: ["foo.service", "foo", "foo@.service", "foo@bar.service", "bar.socket", "x.mount", "foo.conf", "", "a.b.timer", "y.SERVICE"],
  dropinName: ["override.conf", "foo.conf", "foo", "", "a.conf.bak"],
  userName: ["core", "root", "alice", ""],
  groupName: ["wheel", "docker", "core"],
  headerName: ["X-A", "Authorization", "", "x-a"],
  headerValue: ["v", "", null, "Bearer t"],
  label: ["root", "boot", "a:b", "x".repeat(37), "EFI-SYSTEM", "y".repeat(13), "z".repeat(17), "q".repeat(257), "", null],
  luksLabel: ["luks", "x".repeat(48), "", null],
  luksName: ["root", "data", "a/b", ""],
  format: ["ext4", "xfs", "btrfs", "swap", "vfat", "none", "zfs", "", null],
  level: ["raid0", "raid1", "linear", "stripe", "0", "1", "mirror", "raid5", "raid10", "raid7", "", null],
  guid: ["", "01234567-89AB-CDEF-EDCB-A98765432101", "0fc63daf-8483-4772-8e79-3d69d8477de4", "not-a-guid", null],
  pin: ["tpm2", "tang", "sss", "foo", "", null],
  tangUrl: ["http://tang", "https://tang:8080/", "ftp://tang", "", "%zz", "tang"],
  thumbprint: ["abc", "", null],
  advertisement: ['{"payload":"x"}', "{", "", null, "[1e400]", "1", "{\"a\":1}x"],
  proxy: ["http://proxy:3128", "https://proxy:3129", "socks5://p", "%zz", "", "proxy:3128", null],
  noProxy: ["localhost", ".example.com", "10.0.0.0/8", "localhost"],
  version: [],
  compression: ["", "gzip", "xz", null],
  kernelArg: ["quiet", "console=ttyS0", "quiet", "mitigations=off"],
  sshKey: ["ssh-ed25519 AAAA", "ssh-rsa BBBB", "ssh-ed25519 AAAA"],
  groupRef: ["wheel", "docker", "wheel"],
  linkTarget: ["/a", "/d", "d", "e", "../d", "", null, "/a/"],
  options: ["-L", "x", "-L"],
  int: [0, 1, 2, 3, -1, 100, null],
  smallInt: [0, 1, 100, 200, 500, 10, null],
  bool: [true, false, null],
  str: ["x", "", null],
};

/** Which pool a field draws from. */
function poolFor(struct: string, f: FieldSpec): readonly Json[] {
  const k = f.key;
  switch (`${struct}.${k}`) {
    case "Unit.name":
      return POOLS.unitName!;
    case "Dropin.name":
      return POOLS.dropinName!;
    case "Unit.contents":
    case "Dropin.contents":
      return POOLS.unitContents!;
    case "PasswdUser.name":
      return POOLS.userName!;
    case "PasswdGroup.name":
      return POOLS.groupName!;
    case "HTTPHeader.name":
      return POOLS.headerName!;
    case "HTTPHeader.value":
      return POOLS.headerValue!;
    case "Filesystem.path":
      return POOLS.fsPath!;
    case "Filesystem.label":
    case "Partition.label":
      return POOLS.label!;
    case "Luks.label":
      return POOLS.luksLabel!;
    case "Luks.name":
    case "Raid.name":
      return POOLS.luksName!;
    case "Tang.url":
      return POOLS.tangUrl!;
    case "Link.target":
      return POOLS.linkTarget!;
    case "Partition.startMiB":
    case "Partition.sizeMiB":
    case "Partition.number":
      return POOLS.smallInt!;
    case "PasswdUser.groups":
      return POOLS.groupRef!;
  }
  switch (k) {
    case "path":
      return POOLS.path!;
    case "device":
    case "devices":
      return POOLS.device!;
    case "source":
      return POOLS.source!;
    case "hash":
      return POOLS.hash!;
    case "mode":
      return POOLS.mode!;
    case "format":
      return POOLS.format!;
    case "level":
      return POOLS.level!;
    case "guid":
    case "typeGuid":
      return POOLS.guid!;
    case "pin":
      return POOLS.pin!;
    case "thumbprint":
      return POOLS.thumbprint!;
    case "advertisement":
      return POOLS.advertisement!;
    case "httpProxy":
    case "httpsProxy":
      return POOLS.proxy!;
    case "noProxy":
      return POOLS.noProxy!;
    case "compression":
      return POOLS.compression!;
    case "shouldExist":
    case "shouldNotExist":
      return parseType(f.type).list ? POOLS.kernelArg! : POOLS.bool!;
    case "sshAuthorizedKeys":
      return POOLS.sshKey!;
    case "options":
    case "mountOptions":
    case "openOptions":
      return POOLS.options!;
  }
  const t = parseType(f.type);
  if (t.base === "int") return POOLS.int!;
  if (t.base === "bool") return POOLS.bool!;
  return POOLS.str!;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** A random config of a spec version; `density` is the chance of setting an optional field. */
export function randomConfig(spec: SpecVersion, r: () => number, density = 0.35): { [k: string]: Json } {
  const gen = (struct: string, depth: number): { [k: string]: Json } => {
    const o: { [k: string]: Json } = {};
    for (const f of spec.structs[struct]!) {
      if (struct === "Config" && f.key === "ignition") continue;
      if (!f.always && r() > density) continue;
      const t = parseType(f.type);
      if (t.list) {
        const n = depth > 3 ? 0 : Math.floor(r() * (struct === "Storage" || struct === "Systemd" ? 4 : 3));
        const items: Json[] = [];
        for (let i = 0; i < n; i++) {
          if (t.primitive) {
            let v = pick(r, poolFor(struct, f));
            if (v === null) v = "";
            items.push(v);
          } else items.push(gen(t.base, depth + 1));
        }
        o[f.key] = items;
      } else if (t.primitive) {
        let v = pick(r, poolFor(struct, f));
        if (v === null && !f.optional) v = t.base === "string" ? "" : t.base === "int" ? 0 : false;
        if (v === null && r() < 0.5) continue;
        o[f.key] = v;
      } else {
        if (depth > 5) continue;
        o[f.key] = gen(t.base, depth + 1);
      }
    }
    return o;
  };
  const cfg = gen("Config", 0);
  const ign: { [k: string]: Json } = { version: spec.version };
  const ignFields = spec.structs.Ignition!;
  for (const f of ignFields) {
    if (f.key === "version" || r() > density) continue;
    ign[f.key] = gen(parseType(f.type).base, 1);
  }
  return { ignition: ign, ...cfg };
}

// ---- Schema-level mutations ----

type Path = (string | number)[];

function clone<T extends Json>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function getAt(doc: Json, path: Path): Json | undefined {
  let cur: Json | undefined = doc;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, Json>)[p as string];
  }
  return cur;
}

function setAt(doc: Json, path: Path, v: Json | undefined): void {
  let cur: Json = doc;
  for (let i = 0; i < path.length - 1; i++) cur = (cur as Record<string, Json>)[path[i] as string]!;
  const last = path[path.length - 1]!;
  if (v === undefined) {
    if (Array.isArray(cur)) cur.splice(last as number, 1);
    else delete (cur as Record<string, Json>)[last as string];
  } else (cur as Record<string, Json>)[last as string] = v;
}

interface Site {
  path: Path;
  struct: string | null;
  field: FieldSpec | null;
  /** "value" for a field's value, "item" for a list item, "object" for a struct value. */
  role: "value" | "item";
  itemType?: string;
}

/** Every position of a document that the spec types, with what is expected there. */
function sites(spec: SpecVersion, doc: Json): { sites: Site[]; objects: { path: Path; struct: string }[] } {
  const out: Site[] = [];
  const objects: { path: Path; struct: string }[] = [];
  const walk = (v: Json, struct: string, path: Path) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return;
    objects.push({ path, struct });
    for (const f of spec.structs[struct]!) {
      if (!(f.key in v)) continue;
      const fp = [...path, f.key];
      out.push({ path: fp, struct, field: f, role: "value" });
      const t = parseType(f.type);
      const fv = (v as Record<string, Json>)[f.key]!;
      if (t.list && Array.isArray(fv)) {
        fv.forEach((item, i) => {
          out.push({ path: [...fp, i], struct, field: f, role: "item", itemType: t.base });
          if (!t.primitive) walk(item, t.base, [...fp, i]);
        });
      } else if (!t.primitive) walk(fv, t.base, fp);
    }
  };
  walk(doc, "Config", []);
  return { sites: out, objects };
}

const WRONG: Json[] = ["x", 1, 1.5, -3, true, false, [], {}, [1], { a: 1 }, null, 0, ""];

/**
 * Type-level mutations of a document: each site gets wrong-typed values and null; each
 * object loses each required key, gains an unknown key, gets a key of another version.
 */
export function schemaMutations(spec: SpecVersion, doc: { [k: string]: Json }, r: () => number, max = 40): Json[] {
  const out: Json[] = [];
  const { sites: ss, objects } = sites(spec, doc);
  const candidates: (() => Json)[] = [];
  for (const s of ss) {
    for (const w of WRONG) {
      candidates.push(() => {
        const d = clone(doc);
        setAt(d, s.path, clone(w));
        return d;
      });
    }
    candidates.push(() => {
      const d = clone(doc);
      setAt(d, s.path, undefined);
      return d;
    });
  }
  for (const o of objects) {
    for (const f of spec.structs[o.struct]!) {
      candidates.push(() => {
        const d = clone(doc);
        const obj = getAt(d, o.path) as Record<string, Json>;
        delete obj[f.key];
        return d;
      });
      candidates.push(() => {
        const d = clone(doc);
        const obj = getAt(d, o.path) as Record<string, Json>;
        obj[f.key] = null;
        return d;
      });
    }
    candidates.push(() => {
      const d = clone(doc);
      (getAt(d, o.path) as Record<string, Json>).unknownKey = pick(r, WRONG);
      return d;
    });
    candidates.push(() => {
      const d = clone(doc);
      (getAt(d, o.path) as Record<string, Json>).Path = "/x";
      return d;
    });
  }
  // Replace the whole document / sections.
  candidates.push(() => [] as Json, () => "config" as Json, () => null, () => ({}) as Json, () => ({ ignition: null }) as Json);
  for (let i = 0; i < max && candidates.length > 0; i++) {
    const k = Math.floor(r() * candidates.length);
    out.push(candidates[k]!());
    candidates.splice(k, 1);
  }
  return out;
}

export { POOLS };
