import { createHash } from "node:crypto";
import path from "node:path";
import { rowMatrix } from "../embed/kernel.js";
import { transpose } from "../embed/vector.js";
import { readCheckedFile, writeCheckedFile } from "../util/checked-file.js";
import { buildFeatureVocab, sparseFeatures } from "./features.js";
import { isPositiveKind } from "./pieces.js";
import {
  DEFAULT_SOFTMAX,
  trainSoftmax,
  type SoftmaxModel,
  type SoftmaxOptions,
  type TrainingSample,
} from "./softmax.js";
import type { Piece, TrainedHead } from "./types.js";

/** 2: keyed checksum (HMAC with the user's cache secret) and metadata checked before use. */
const HEAD_FORMAT = 2;
const MAX_HEAD_META_BYTES = 1024 * 1024;
/** Most lexical features kept for the head. */
export const MAX_HEAD_FEATURES = 60_000;
/**
 * Most sparse weights (features × agents). Training holds four arrays of this size (weights,
 * two Adam moments, the gradient): 8M floats keep them at 128 MB together, so a 500-agent set
 * keeps 16,000 features and stays well inside the memory budget.
 */
export const MAX_HEAD_WEIGHTS = 8_000_000;
/**
 * Training budget in multiply-adds. Typical sets (≤ 150 agents) train the full epoch count;
 * larger ones train fewer epochs (never under 3) so a cold build stays bounded. The weights
 * start at class centroids, so a short run still ranks like nearest-centroid or better.
 */
export const HEAD_TRAINING_BUDGET = 6e9;

export interface HeadInput {
  pieces: readonly Piece[];
  agentCount: number;
  /** Piece vectors back to back, or null (keyword-only head). */
  vectors: Float32Array | null;
  dims: number;
  /** Identifies the embedder in the cache key ("keyword" when none). */
  embedderId: string;
  options?: Partial<SoftmaxOptions>;
  /** Extra words per piece text (lexicon expansions), appended to its features. */
  expand?: (text: string) => string;
  cacheDir: string | null;
  warn?: (message: string) => void;
}

/**
 * Trains (or reads from the cache) the softmax head over the agents' positive pieces.
 * Each agent's pieces share one unit of weight, so an agent with 300 checklist bullets does
 * not outvote one with five.
 */
export async function trainHead(input: HeadInput): Promise<TrainedHead> {
  const options = { ...DEFAULT_SOFTMAX, ...input.options };
  const expand = input.expand ?? ((t: string) => t);
  const positive = input.pieces.map((p, i) => ({ p, i })).filter(({ p }) => isPositiveKind(p.kind));
  const texts = positive.map(({ p }) => expand(p.text));
  const vocab = buildFeatureVocab(
    texts,
    Math.min(MAX_HEAD_FEATURES, Math.floor(MAX_HEAD_WEIGHTS / Math.max(input.agentCount, 1))),
  );
  const key = headCacheKey(input, options, texts);
  const file = input.cacheDir === null ? null : path.join(input.cacheDir, "heads", `${key}.bin`);
  const expected: HeadShape = {
    classes: input.agentCount,
    denseDim: input.vectors ? input.dims : 0,
    sparseDim: vocab.idf.length,
  };
  const cached = file ? await readHead(file, expected, input.warn) : null;
  if (cached) return { model: cached, vocab, kernels: headKernels(cached), fromCache: true };

  const perAgent = new Float64Array(input.agentCount);
  for (const { p } of positive) perAgent[p.agent]! += 1;
  const samples: TrainingSample[] = positive.map(({ p, i }, k) => ({
    dense: input.vectors ? input.vectors.subarray(i * input.dims, (i + 1) * input.dims) : null,
    sparse: sparseFeatures(texts[k]!, vocab),
    label: p.agent,
    weight: 1 / perAgent[p.agent]!,
  }));
  const dense = input.vectors ? input.dims : 0;
  const avgNnz = samples.reduce((s, x) => s + x.sparse.index.length, 0) / Math.max(samples.length, 1);
  const perEpoch = Math.max(samples.length * input.agentCount * (dense + avgNnz) * 2, 1);
  const epochs = Math.min(options.epochs, Math.max(3, Math.floor(HEAD_TRAINING_BUDGET / perEpoch)));
  const model = trainSoftmax(
    samples,
    { dense, sparse: vocab.idf.length, classes: input.agentCount },
    { ...options, epochs },
  );
  if (file)
    await writeHead(file, model).catch((err: Error) =>
      input.warn?.(`could not save the trained head to ${file}: ${err.message}`),
    );
  return { model, vocab, kernels: headKernels(model), fromCache: false };
}

/**
 * The model's weights for the SIMD kernel: the dense weights (stored dims × agents) as
 * agents × dims rows, and the sparse weights (features × agents) as rows that a prompt's
 * features pick and weigh.
 */
function headKernels(model: SoftmaxModel): TrainedHead["kernels"] {
  const C = model.classes;
  return {
    dense: model.denseDim > 0 ? rowMatrix(transpose(model.wDense, model.denseDim, C), model.denseDim) : null,
    sparse: rowMatrix(model.wSparse, C),
  };
}

function headCacheKey(input: HeadInput, options: SoftmaxOptions, texts: readonly string[]): string {
  const h = createHash("sha256");
  h.update(
    JSON.stringify({
      v: HEAD_FORMAT,
      id: input.embedderId,
      options,
      agents: input.agentCount,
      dims: input.dims,
      max: MAX_HEAD_FEATURES,
      weights: MAX_HEAD_WEIGHTS,
    }),
  );
  for (const p of input.pieces) if (isPositiveKind(p.kind)) h.update(`${p.agent}\t${p.kind}\n`);
  for (const t of texts) h.update(`${t}\n`);
  return h.digest("hex").slice(0, 32);
}

async function writeHead(file: string, m: SoftmaxModel): Promise<void> {
  const meta = Buffer.from(
    JSON.stringify({
      classes: m.classes,
      denseDim: m.denseDim,
      sparseDim: m.sparseDim,
      denseScale: m.denseScale,
      sparseScale: m.sparseScale,
    }),
  );
  const len = Buffer.alloc(4);
  len.writeUInt32LE(meta.length);
  const arrays = [m.wDense, m.wSparse, m.bias].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  await writeCheckedFile(file, Buffer.concat([len, meta, ...arrays]), HEAD_FORMAT);
}

type HeadShape = Pick<SoftmaxModel, "classes" | "denseDim" | "sparseDim">;

/**
 * Reads a cached head, trusting nothing in it: the checksum must be keyed with this user's
 * secret, and the shape must be the one this index needs before anything is allocated (a
 * planted `denseDim: 5e8` once allocated gigabytes). Any problem means training again.
 */
async function readHead(
  file: string,
  expected: HeadShape,
  warn?: (message: string) => void,
): Promise<SoftmaxModel | null> {
  const floats = (expected.denseDim + expected.sparseDim + 1) * expected.classes;
  const read = await readCheckedFile(file, HEAD_FORMAT, 4 + MAX_HEAD_META_BYTES + floats * 4);
  const problem = read.body === null ? read.problem : decodeHead(read.body, expected, floats);
  if (typeof problem === "string" || problem === null) {
    if (problem) warn?.(`ignoring the cached head ${file}: ${problem}; training it again`);
    return null;
  }
  return problem;
}

function decodeHead(body: Buffer, expected: HeadShape, floats: number): SoftmaxModel | string {
  const metaLength = body.readUInt32LE(0);
  if (metaLength > MAX_HEAD_META_BYTES || body.length !== 4 + metaLength + floats * 4)
    return "wrong size for this agent set";
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(body.toString("utf8", 4, 4 + metaLength)) as Record<string, unknown>;
  } catch {
    return "unreadable metadata";
  }
  const shapeOk = (Object.keys(expected) as (keyof HeadShape)[]).every((k) => meta[k] === expected[k]);
  const scales = [meta.denseScale, meta.sparseScale];
  if (!shapeOk || !scales.every((x) => typeof x === "number" && Number.isFinite(x)))
    return "metadata does not match this agent set";
  let offset = 4 + metaLength;
  const take = (n: number): Float32Array => {
    const out = new Float32Array(n);
    Buffer.from(out.buffer).set(body.subarray(offset, offset + n * 4));
    offset += n * 4;
    return out;
  };
  const { classes, denseDim, sparseDim } = expected;
  const model = {
    classes,
    denseDim,
    sparseDim,
    denseScale: meta.denseScale as number,
    sparseScale: meta.sparseScale as number,
    wDense: take(denseDim * classes),
    wSparse: take(sparseDim * classes),
    bias: take(classes),
  };
  const finite = [model.wDense, model.wSparse, model.bias].every((a) => a.every(Number.isFinite));
  return finite ? model : "non-finite weights";
}
