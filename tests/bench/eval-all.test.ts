import { describe, expect, it } from "vitest";
import { parseEvalAllArgs } from "../../bench/eval-all.js";

describe("bench/eval-all's command line", () => {
  it("keeps every set name, the first one included", () => {
    expect(parseEvalAllArgs(["example", "wshobson"])).toEqual({
      embeddings: true,
      configPath: undefined,
      only: ["example", "wshobson"],
    });
  });

  it("takes --config's value as the config, not as a set, and reads --no-embeddings", () => {
    expect(parseEvalAllArgs(["example", "--config", "tuned.json", "--no-embeddings", "wshobson"])).toEqual({
      embeddings: false,
      configPath: "tuned.json",
      only: ["example", "wshobson"],
    });
    expect(parseEvalAllArgs([]).only).toEqual([]);
  });
});
