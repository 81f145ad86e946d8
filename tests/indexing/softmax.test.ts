import { describe, expect, it } from "vitest";
import { buildFeatureVocab, featureCounts, sparseFeatures } from "../../src/indexing/features.js";
import {
  DEFAULT_SOFTMAX,
  softmaxInPlace,
  softmaxLogits,
  trainSoftmax,
  type TrainingSample,
} from "../../src/indexing/softmax.js";

const texts = [
  ["deploy the service to kubernetes", 0],
  ["roll out the new release to production", 0],
  ["set up the ci pipeline for deployments", 0],
  ["the unit tests are failing", 1],
  ["write integration tests for checkout", 1],
  ["add test coverage for the parser", 1],
  ["the query on the orders table is slow", 2],
  ["add an index to the users table", 2],
  ["design the database schema for invoices", 2],
] as const;

function train(seed = 7) {
  const vocab = buildFeatureVocab(
    texts.map(([t]) => t),
    10_000,
  );
  const samples: TrainingSample[] = texts.map(([t, label]) => ({
    dense: null,
    sparse: sparseFeatures(t, vocab),
    label,
    weight: 1,
  }));
  const model = trainSoftmax(
    samples,
    { dense: 0, sparse: vocab.idf.length, classes: 3 },
    { ...DEFAULT_SOFTMAX, epochs: 60, learningRate: 0.05, seed },
  );
  const predict = (text: string): number => {
    const z = new Float64Array(3);
    softmaxLogits(model, null, sparseFeatures(text, vocab), z);
    softmaxInPlace(z);
    return z.indexOf(Math.max(...z));
  };
  return { model, predict };
}

describe("softmax head", () => {
  it("learns to tell the classes apart, on unseen wording too", () => {
    const { predict } = train();
    expect(predict("deploy to production")).toBe(0);
    expect(predict("tests failing in checkout")).toBe(1);
    expect(predict("slow query on a table")).toBe(2);
  });

  it("trains bit-identical weights for the same seed", () => {
    expect(train(3).model.wSparse).toEqual(train(3).model.wSparse);
  });

  it("keeps the most frequent features when the vocabulary is capped", () => {
    const vocab = buildFeatureVocab(["a b", "a c", "a d"], 1);
    expect([...vocab.index.keys()]).toEqual(["c: a "]);
    expect(featureCounts("card arrived").get("w:card")).toBe(1);
  });

  it("normalises probabilities", () => {
    const z = Float64Array.of(1000, 1001, 999);
    softmaxInPlace(z);
    expect(z.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(z[1]).toBeGreaterThan(z[0]!);
  });
});
