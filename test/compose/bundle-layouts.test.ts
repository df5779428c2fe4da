// The bundle's text edits over many layouts of the same configs: block or flow
// collections, indentation, comments, CRLF, anchors, quoting, and file contents that
// test the scalar writer. Every generated config must bundle, keep no local
// reference, and translate to the original's exact output. Seeded: FUZZ_SEED replays.

import { describe, expect, it } from "vitest";
import { translate } from "../../src/index";
import { memoryFileSystem } from "../../src/fs/memory-fs";
import { bundle } from "../../src/compose/bundle";

const SEED = Number(process.env.FUZZ_SEED ?? 1407);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONTENTS = ["", "x", "line\n", "two\nlines", "  indented\nfirst\n", "trailing\n\n\n", "tab\tin\n", "crlf\r\nline\r\n", "# hash\n- dash\n", "emoji 😀\n", "\u2028sep", "true", "123", "a: b\n", "\n\nlead", "[Unit]\nDescription=x\n"];

describe("bundle over generated layouts", () => {
  it(`round-trips every generated layout (seed ${SEED})`, () => {
    const r = rng(SEED);
    const pick = <T,>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
    let n = 0;
    for (let round = 0; round < 150; round++) {
      const ind = pick([2, 4]);
      const sp = (k: number) => " ".repeat(ind * k);
      const flow = () => r() < 0.3;
      const comment = () => (r() < 0.3 ? "  # note" : "");
      const files: Record<string, string | Uint8Array | { contents: string; executable: boolean }> = {};
      const c1 = pick(CONTENTS), c2 = pick(CONTENTS), unit = pick(CONTENTS);
      files["a.txt"] = c1;
      files["b.bin"] = r() < 0.5 ? c2 : new Uint8Array([0xff, 0xfe, ...new TextEncoder().encode(c2)]);
      files["u.service"] = unit;
      files["keys.pub"] = "ssh-ed25519 AAAA one\n\nssh-rsa BBBB two\n";
      files["tree/x.conf"] = pick(CONTENTS);
      files["tree/sub/run.sh"] = { contents: "#!/bin/sh\n", executable: true };
      const lines: string[] = ["variant: fcos", "version: 1.6.0"];
      if (r() < 0.3) lines.unshift("# generated " + round);
      lines.push("storage:" + comment());
      if (flow()) lines.push(`${sp(1)}files: [{path: /a, contents: {local: a.txt}}, {path: /b, contents: {local: b.bin, compression: ""}}, {path: /t/x.conf, mode: 0600}]`);
      else {
        lines.push(`${sp(1)}files:`);
        lines.push(`${sp(2)}- path: /a${comment()}`, `${sp(2)}  contents: ${r() < 0.5 ? "&ca " : ""}`, `${sp(2)}    local: ${pick(["a.txt", '"a.txt"', "'a.txt'"])}${comment()}`);
        lines.push(`${sp(2)}- path: /b`, `${sp(2)}  contents:`, `${sp(2)}    local: b.bin`);
        if (r() < 0.5) lines.push(`${sp(2)}- path: /t/x.conf`, `${sp(2)}  mode: 0600`);
      }
      if (r() < 0.7) lines.push(flow() ? `${sp(1)}trees: [{local: tree, path: /t}]` : `${sp(1)}trees:\n${sp(2)}- local: tree\n${sp(2)}  path: /t`);
      lines.push("systemd:", `${sp(1)}units:`, `${sp(2)}- name: u.service`, `${sp(2)}  contents_local: u.service${comment()}`);
      lines.push("passwd:", `${sp(1)}users:`);
      const keys = r() < 0.5 ? (flow() ? `${sp(2)}  ssh_authorized_keys: [inline-key]` : `${sp(2)}  ssh_authorized_keys:\n${sp(2)}    - inline-key`) : "";
      const local = flow() ? `${sp(2)}  ssh_authorized_keys_local: [keys.pub]` : `${sp(2)}  ssh_authorized_keys_local:\n${sp(2)}    - keys.pub`;
      lines.push(`${sp(2)}- name: core`, ...(r() < 0.5 ? [keys, local] : [local, keys]).filter(Boolean));
      if (r() < 0.2) lines.push("# trailing comment");
      let text = lines.join("\n") + "\n";
      if (r() < 0.2) text = text.replace(/\n/g, "\r\n");
      const readFile = memoryFileSystem(files, { root: "files" });
      const want = translate(text, { filesDir: "files", readFile });
      expect(want.error, text).toBeUndefined();
      const b = bundle(text, { filesDir: "files", readFile });
      expect(b.error, text).toBeUndefined();
      expect(b.output!, text).not.toMatch(/\blocal\s*:|contents_local|ssh_authorized_keys_local|\btrees\s*:/);
      expect(translate(b.output!).output, `${text}\n---\n${b.output}`).toBe(want.output);
      if (process.env.SHOW_BUNDLE && round < 2) console.log(text + "\n=>\n" + b.output);
      n++;
    }
    console.log(`bundle layouts: ${n} generated configs round-trip (seed ${SEED})`);
  });
});
