// The variant extension point: a variant defined outside src/ (in a fixture) is
// registered with registerVariant and used through the public translate().
import { beforeAll, describe, expect, test } from "vitest";
import { translate } from "../../src/api/translate";
import { registerVariant } from "../../src/index";
import { ACME_1_0_EXP, MESSAGES, registerAcme } from "./extension-fixture/acme";

describe("registerVariant extension point", () => {
  beforeAll(() => registerAcme());

  test("translates a config of the registered variant", () => {
    const r = translate("variant: acme\nversion: 1.0.0-experimental\nmotd:\n  text: |\n    Welcome to acme\n");
    expect(r.error).toBeUndefined();
    expect(r.report).toEqual([]);
    expect(r.output).toBe(
      '{"ignition":{"version":"3.7.0-experimental"},"storage":{"files":[{"path":"/etc/motd","contents":{"compression":"","source":"data:,Welcome%20to%20acme%0A"},"mode":420}]}}\n',
    );
  });

  test("the base spec and its checks come along", () => {
    const r = translate("variant: acme\nversion: 1.0.0-experimental\nstorage:\n  files:\n    - path: /etc/x\n      mode: 644\n", { pretty: true });
    expect(r.error).toBeUndefined();
    expect(r.report[0]).toMatchObject({ severity: "warning", path: "$.storage.files.0.mode", line: 6, column: 13 });
  });

  test("the variant's own validation rule", () => {
    const r = translate("variant: acme\nversion: 1.0.0-experimental\nmotd:\n  text: ''\n");
    expect(r.error).toBe("source config is invalid");
    expect(r.report).toEqual([{ severity: "error", path: "$.motd.text", line: 4, column: 9, message: MESSAGES.MOTD_EMPTY }]);
  });

  test("the variant's field filter", () => {
    const r = translate("variant: acme\nversion: 1.0.0-experimental\nstorage:\n  luks:\n    - name: data\n      device: /dev/vdb\n");
    expect(r.error).toBe("source config is invalid");
    expect(r.report).toEqual([{ severity: "error", path: "$.storage.luks", line: 5, column: 5, message: MESSAGES.NO_LUKS }]);
  });

  test("unknown keys of the variant's structs are reported", () => {
    const r = translate("variant: acme\nversion: 1.0.0-experimental\nmotd:\n  txt: hi\n");
    expect(r.report).toEqual([{ severity: "warning", path: "$.motd.txt", line: 4, column: 3, message: "unused key txt", code: "BUT120" }]);
  });

  test("versions that were not registered are unknown", () => {
    const r = translate("variant: acme\nversion: 1.0.0\n");
    expect(r.error).toBe("No translator exists for variant acme with version 1.0.0");
  });

  test("a version cannot be registered twice", () => {
    expect(() => registerVariant(ACME_1_0_EXP)).toThrow(/already registered/);
  });
});
