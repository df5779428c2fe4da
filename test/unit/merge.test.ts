import { expect, test } from "vitest";
import { mergeConfigs } from "../../src/ignition/merge";
import { getIgnitionSpec } from "../../src/ignition/spec";

const spec = getIgnitionSpec("3.4.0")!;

test("keyed lists merge by key, child fields win, transcript follows both", () => {
  const parent = { storage: { files: [{ path: "/a", mode: 0o600 }, { path: "/b" }] } };
  const child = { storage: { files: [{ path: "/a", overwrite: true }, { path: "/c" }] } };
  const { result, transcript } = mergeConfigs(parent, child, spec);
  expect(result.storage).toEqual({ files: [{ path: "/a", mode: 0o600, overwrite: true }, { path: "/b" }, { path: "/c" }] });
  const to = (p: string) => transcript.filter((t) => t.toPath.join(".") === p).map((t) => `${t.from}:${t.fromPath.join(".")}`);
  expect(to("storage.files.0.mode")).toEqual(["parent:storage.files.0.mode"]);
  expect(to("storage.files.0.overwrite")).toEqual(["child:storage.files.0.overwrite"]);
  expect(to("storage.files.2")).toEqual(["child:storage.files.1"]);
});

test("files, directories and links share one key space", () => {
  const parent = { storage: { files: [{ path: "/x" }] } };
  const child = { storage: { links: [{ path: "/x", target: "/y" }] } };
  const { result } = mergeConfigs(parent, child, spec);
  expect((result.storage as Record<string, unknown>).files).toEqual([]);
  expect((result.storage as Record<string, unknown>).links).toEqual([{ path: "/x", target: "/y" }]);
});

test("a child header without a value removes the parent's", () => {
  const parent = { ignition: { config: { replace: { source: "https://x", httpHeaders: [{ name: "A", value: "1" }, { name: "B", value: "2" }] } } } };
  const child = { ignition: { config: { replace: { httpHeaders: [{ name: "A" }] } } } };
  const { result } = mergeConfigs(parent, child, spec);
  expect(((result.ignition as any).config.replace.httpHeaders)).toEqual([{ name: "B", value: "2" }]);
});

