import { describe, expect, it } from "vitest";
import { DEFAULT_FUSION } from "../../../src/classify/defaults.js";
import { FEATURE_NAMES, featuresIn, SIGNALS } from "../../../src/classify/scorers/features.js";
import { fuseFeatures, sigmoid } from "../../../src/classify/scorers/fused.js";

describe("the feature contract", () => {
  it("derives FEATURE_NAMES from the scorers, in the order fusion sums them", () => {
    expect(FEATURE_NAMES).toEqual(Object.values(SIGNALS).flatMap((s) => [...s.features]));
    expect(FEATURE_NAMES).toEqual([
      "head_p",
      "head_margin",
      "emb_max",
      "emb_top3",
      "emb_margin",
      "bg_margin",
      "emb_best",
      "emb_typ",
      "kw_cov",
      "kw_rel",
      "lex_max",
      "kw_best",
      "trig",
      "must",
      "proactive",
      "not_engage",
      "redirect",
      "ada_p",
      "ada_gap",
      "ada_none",
    ]);
  });

  it("keyword mode declares every embedding feature absent, bg_margin included", () => {
    const keyword = featuresIn("keyword");
    expect(keyword).not.toContain("bg_margin");
    expect(keyword.filter((f) => SIGNALS.embedding.features.includes(f as never))).toEqual([]);
    expect(featuresIn("embeddings")).toEqual(FEATURE_NAMES);
    // The default keyword fusion only weighs features keyword mode has.
    for (const name of Object.keys(DEFAULT_FUSION.keyword.weights)) expect(keyword).toContain(name);
  });

  it("fusion skips a declared absence and refuses a feature that is simply missing", () => {
    const fusion = { bias: 0.5, weights: { head_p: 2, emb_max: 3 } };
    const head = Float64Array.of(0.25, 0);
    const absent = fuseFeatures((f) => (f === "head_p" ? head : null), fusion, 2);
    expect([...absent]).toEqual([sigmoid(0.5 + 2 * 0.25), sigmoid(0.5)]);
    const missing = (f: string) => (f === "head_p" ? head : (undefined as unknown as null));
    expect(() => fuseFeatures(missing, fusion, 2)).toThrow(/feature "emb_max" is missing/);
  });
});
