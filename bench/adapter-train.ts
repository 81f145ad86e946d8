/**
 * Trains the adapter (src/indexing/adapter.ts) in plain TypeScript: cross-entropy of the
 * softmax over one collection's agents and "none", for every labeled corpus prompt of that
 * collection, with Adam, mini-batches drawn from one collection at a time, seeded shuffles.
 * Same data and options, same weights.
 */
import { adapterLogits, project, softmax, type Adapter } from "../src/indexing/adapter.js";
import { mulberry32, shuffled } from "../src/util/prng.js";

export interface TrainGroup {
  collection: string;
  /** The collection's agent text vectors (n × dims). */
  agents: Float32Array;
  n: number;
  prompts: Float32Array[];
  /** Per prompt, its agents ([] = none). */
  targets: number[][];
}

export interface TrainOptions {
  rank: number;
  scale: number;
  epochs: number;
  batch: number;
  learningRate: number;
  l2: number;
  seed: number;
}

/** Chosen under leave one collection out (bench/exp/adapter-loco.ts; docs/routing.md). */
export const TRAIN_DEFAULTS: TrainOptions = {
  rank: 32,
  scale: 12,
  epochs: 6,
  batch: 128,
  learningRate: 0.0003,
  l2: 1e-4,
  seed: 7,
};

/** Adam over one flat parameter array. */
class Adam {
  private m: Float64Array;
  private v: Float64Array;
  private t = 0;
  constructor(
    private readonly p: Float32Array,
    private readonly rate: number,
  ) {
    this.m = new Float64Array(p.length);
    this.v = new Float64Array(p.length);
  }
  step(g: Float64Array, l2: number): void {
    this.t++;
    const c1 = 1 - 0.9 ** this.t;
    const c2 = 1 - 0.999 ** this.t;
    for (let i = 0; i < g.length; i++) {
      const gi = g[i]! + l2 * this.p[i]!;
      this.m[i] = 0.9 * this.m[i]! + 0.1 * gi;
      this.v[i] = 0.999 * this.v[i]! + 0.001 * gi * gi;
      this.p[i]! -= (this.rate * (this.m[i]! / c1)) / (Math.sqrt(this.v[i]! / c2) + 1e-8);
    }
  }
}

export function trainAdapter(groups: readonly TrainGroup[], options: TrainOptions = TRAIN_DEFAULTS): Adapter {
  const dims = groups[0]!.agents.length / groups[0]!.n;
  const { rank } = options;
  const random = mulberry32(options.seed);
  const init = (size: number, sd: number) => Float32Array.from({ length: size }, () => (random() * 2 - 1) * sd);
  const model: Adapter = {
    dims,
    rank,
    scale: options.scale,
    a: init(dims * rank, 0.05),
    b: new Float32Array(dims * rank),
    noneVector: new Float32Array(rank),
    noneBias: 0.3,
  };
  const bias = Float32Array.of(model.noneBias);
  const opt = {
    a: new Adam(model.a, options.learningRate),
    b: new Adam(model.b, options.learningRate),
    z: new Adam(model.noneVector, options.learningRate),
    c: new Adam(bias, options.learningRate),
  };
  // Each prompt's base similarity to its collection's agents never changes: computed once.
  const base = groups.map((g) =>
    g.prompts.map((p) => Float64Array.from({ length: g.n }, (_, i) => dotAt(g.agents, i * dims, p))),
  );
  const batches: [number, number[]][] = [];
  groups.forEach((g, gi) => {
    for (let s = 0; s < g.prompts.length; s += options.batch)
      batches.push([gi, Array.from({ length: Math.min(options.batch, g.prompts.length - s) }, (_, k) => s + k)]);
  });
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    // Reshuffle which prompts share a batch, then the batches' order.
    const order = groups.map((g) =>
      shuffled(
        g.prompts.map((_, i) => i),
        random,
      ),
    );
    for (const [gi, slots] of shuffled(batches, random)) {
      model.noneBias = bias[0]!;
      step(
        model,
        groups[gi]!,
        slots.map((s) => order[gi]![s]!),
        base[gi]!,
        opt,
        options.l2,
      );
    }
  }
  model.noneBias = bias[0]!;
  return model;
}

function dotAt(m: Float32Array, offset: number, v: Float32Array): number {
  let s = 0;
  for (let d = 0; d < v.length; d++) s += m[offset + d]! * v[d]!;
  return s;
}

function step(
  model: Adapter,
  g: TrainGroup,
  ids: number[],
  base: Float64Array[],
  opt: { a: Adam; b: Adam; z: Adam; c: Adam },
  l2: number,
): void {
  const { dims, rank, scale } = model;
  const agents = Array.from({ length: g.n }, (_, i) =>
    project(model.b, rank, g.agents.subarray(i * dims, (i + 1) * dims)),
  );
  const gA = new Float64Array(dims * rank);
  const gU = agents.map(() => new Float64Array(rank));
  const gZ = new Float64Array(rank);
  let gC = 0;
  for (const id of ids) {
    const p = g.prompts[id]!;
    const probs = softmax(adapterLogits(model, p, base[id]!, agents));
    const target = g.targets[id]!;
    const q = project(model.a, rank, p);
    const gq = new Float64Array(rank);
    for (let i = 0; i <= g.n; i++) {
      const want = target.length === 0 ? (i === g.n ? 1 : 0) : target.includes(i) ? 1 / target.length : 0;
      const d = (scale * (probs[i]! - want)) / ids.length;
      if (d === 0) continue;
      const u = i === g.n ? model.noneVector : agents[i]!;
      const gu = i === g.n ? gZ : gU[i]!;
      for (let j = 0; j < rank; j++) {
        gq[j]! += d * u[j]!;
        gu[j]! += d * q[j]!;
      }
      if (i === g.n) gC += d;
    }
    for (let d = 0; d < dims; d++) {
      const x = p[d]!;
      const row = d * rank;
      for (let j = 0; j < rank; j++) gA[row + j]! += x * gq[j]!;
    }
  }
  const gB = new Float64Array(dims * rank);
  gU.forEach((gu, i) => {
    for (let d = 0; d < dims; d++) {
      const x = g.agents[i * dims + d]!;
      const row = d * rank;
      for (let j = 0; j < rank; j++) gB[row + j]! += x * gu[j]!;
    }
  });
  opt.a.step(gA, l2);
  opt.b.step(gB, l2);
  opt.z.step(gZ, l2);
  opt.c.step(Float64Array.of(gC), 0);
}
