import { describe, expect, it } from "vitest";
import { attachBank, bankMatches, DEFAULT_BANK, describeBank, type Bank } from "../../src/indexing/bank.js";
import { decodeRows, shippedBank } from "../../src/indexing/bank-data/load.js";
import { describeShared } from "../helpers/shared.js";
import { openExampleRouter } from "../classify/helpers.js";

const unit = (...xs: number[]): Float32Array => {
  const n = Math.hypot(...xs);
  return Float32Array.from(xs, (x) => x / n);
};

/** dims 2: corpus agents along x, along y, and one in between. */
const TOY: Bank = {
  embedder: "toy",
  dims: 2,
  prompts: ["p0", "p1", "p2", "p3", "p4"],
  vectors: new Float32Array([1, 0, 1, 0, 0, 1, 0, 1, 0.7, 0.7]),
  sources: [
    { label: "c/x", vector: unit(1, 0), prompts: [0, 1] },
    { label: "c/y", vector: unit(0, 1), prompts: [2, 3] },
    { label: "c/xy", vector: unit(1, 0.9), prompts: [4] },
  ],
};

describe("corpus bank", () => {
  it("each corpus agent joins only its nearest agent, nearest corpus agents first", () => {
    const agents = new Float32Array([...unit(1, 0), ...unit(0, 1)]);
    expect(bankMatches(TOY, agents, 2, 0.5)).toEqual([[0, 2], [1]]);
    expect(bankMatches(TOY, agents, 2, 0.99)).toEqual([[0], [1]]);
  });

  it("attaches prompts as example pieces with their vectors, the same number for every agent", () => {
    const agents = new Float32Array([...unit(1, 0), ...unit(0, 1)]);
    const a = attachBank(TOY, agents, 2, { minSimilarity: 0.5, perAgent: 5 });
    // Agent 0 could take 3 (c/x, then c/xy), agent 1 only 2: both take 2.
    expect(a.perAgent).toBe(2);
    expect(a.pieces.map((p) => [p.agent, p.text, p.kind, p.corpus])).toEqual([
      [0, "p0", "example", "c/x"],
      [0, "p1", "example", "c/x"],
      [1, "p2", "example", "c/y"],
      [1, "p3", "example", "c/y"],
    ]);
    expect([...a.vectors]).toEqual([1, 0, 1, 0, 0, 1, 0, 1]);
    expect(describeBank(a, 2)).toBe("corpus bank: 2 corpus prompts added to each of the 2 agents");
  });

  it("attaches nothing when some agent resembles no corpus agent", () => {
    // A third agent along -x: no corpus agent is nearest to it.
    const agents = new Float32Array([...unit(1, 0), ...unit(0, 1), ...unit(-1, 0)]);
    const a = attachBank(TOY, agents, 3, { minSimilarity: 0.5, perAgent: 5 });
    expect(a.pieces).toEqual([]);
    expect(a.uncovered).toBe(1);
    expect(describeBank(a, 3)).toBe("corpus bank: not used (1 of 3 agents resemble no agent of the routing corpus)");
  });

  it("decodes int8 rows back to unit length", () => {
    const codes = Buffer.from(Int8Array.of(127, 0, 64, 64).buffer).toString("base64");
    const rows = decodeRows(codes, [1 / 127, 0.5 / 127], 2);
    expect(rows[0]).toBeCloseTo(1, 6);
    expect(Math.hypot(rows[2]!, rows[3]!)).toBeCloseTo(1, 6);
  });

  it("the shipped bank loads for USE-lite only, with unit vectors and labeled sources", async () => {
    expect(await shippedBank("transformers:Xenova/all-MiniLM-L6-v2")).toBeNull();
    const bank = await shippedBank("use-lite@0.2.0");
    expect(bank!.sources.length).toBeGreaterThan(500);
    expect(bank!.vectors.length).toBe(bank!.prompts.length * bank!.dims);
    for (const s of bank!.sources) expect(s.label).toMatch(/^[\w.-]+\/[\w.:-]+$/);
    const v = bank!.vectors.subarray(0, bank!.dims);
    expect(Math.hypot(...v)).toBeCloseTo(1, 4);
  });
});

describe("corpus bank in a real index", () => {
  const open = (bank?: Record<string, unknown>) => openExampleRouter(bank ? { bank } : {});

  it("adds corpus examples to the example agents by default, none when turned off", async () => {
    const on = await open();
    const off = await open({ enabled: false });
    const corpus = on.index.pieces.filter((p) => p.corpus);
    expect(corpus.length).toBeGreaterThan(0);
    expect(off.index.pieces.some((p) => p.corpus)).toBe(false);
    expect(off.index.bank).toBe("corpus bank: off (the config turns it off)");
    const perAgent = new Map<number, number>();
    for (const p of corpus) perAgent.set(p.agent, (perAgent.get(p.agent) ?? 0) + 1);
    expect(new Set(perAgent.values()).size).toBe(1);
    expect(perAgent.size).toBe(on.index.agents.length);
    expect(Math.max(...perAgent.values())).toBeLessThanOrEqual(DEFAULT_BANK.perAgent);
    expect(on.configNote.header).toMatch(/corpus bank: \d+ corpus prompts added to each of the 12 agents/);
    expect(on.index.vectors!.length).toBe(on.index.pieces.length * on.index.dims);
  });

  it("a decision closest to a corpus prompt says so", async () => {
    const { router, index } = await open();
    const explained = [];
    for (const piece of index.pieces.filter((p) => p.corpus).slice(0, 5)) {
      const decision = await router.route(piece.text);
      const reason = decision.reasons.agents.find((r) => r.agent === index.agents[piece.agent]!.name);
      if (reason) explained.push(reason.bestPiece);
    }
    expect(explained.length).toBeGreaterThan(0);
    for (const best of explained) expect(best).toMatchObject({ kind: "corpus example", line: 0 });
  });
});

describeShared("the shipped corpus bank", () => {
  it("holds exactly the corpus's single-agent prompts (regenerate with bench/build-bank.ts)", async () => {
    const { bankSources } = await import("../../bench/build-bank.js");
    const sources = await bankSources();
    const { BANK } = await import("../../src/indexing/bank-data/bank.js");
    expect(BANK.prompts).toEqual(sources.flatMap((s) => s.prompts));
    expect(BANK.sources.map(([label]) => label)).toEqual(sources.map((s) => s.label));
  });
});
