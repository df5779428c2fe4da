import { expect, test } from "vitest";
import { isTypicalMode, looksDecimal } from "../../src/butane/modes";

test("typical modes", () => {
  for (const m of [0o644, 0o600, 0o755, 0o700, 0o444, 0o4755, 0]) expect(isTypicalMode(m, false)).toBe(true);
  for (const m of [0o1130, 0o046, 0o200, 0o4644, 0o1644]) expect(isTypicalMode(m, false)).toBe(false);
  expect(isTypicalMode(0o1777, true)).toBe(true);
  expect(isTypicalMode(0o4755, true)).toBe(false);
});

test("decimal modes that were meant as octal", () => {
  expect(looksDecimal(644, false)).toBe(true);
  expect(looksDecimal(755, false)).toBe(true);
  expect(looksDecimal(600, false)).toBe(true);
  expect(looksDecimal(0o644, false)).toBe(false); // 420: fine as it is
  expect(looksDecimal(888, false)).toBe(false); // not octal digits
  expect(looksDecimal(8000, false)).toBe(false); // out of range
});
