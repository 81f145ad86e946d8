import { describe, expect, it } from "vitest";
import { compareStrings, roundTo } from "../../src/util/numbers.js";

describe("number and string helpers", () => {
  it.each([
    [2 / 3, 3, 0.667],
    [0.12345, 4, 0.1235],
    [-0.00004, 4, -0],
    [1.5, 0, 2],
  ])("roundTo(%d, %d) = %d", (x, digits, expected) => {
    expect(roundTo(x, digits)).toBe(expected);
  });

  it("orders strings by code unit, not locale", () => {
    expect(["b", "a", "B", "á"].sort(compareStrings)).toEqual(["B", "a", "b", "á"]);
    expect(compareStrings("x", "x")).toBe(0);
  });
});
