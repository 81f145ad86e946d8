import { assembleBank, type Bank } from "../bank.js";

/** int8 codes × one scale per row of `dims`, each row scaled back to unit length. */
export function decodeRows(codes64: string, scales: readonly number[], dims: number): Float32Array {
  const codes = new Int8Array(Buffer.from(codes64, "base64"));
  const out = new Float32Array(codes.length);
  for (let r = 0; r * dims < codes.length; r++) {
    const start = r * dims;
    let sum = 0;
    for (let i = start; i < start + dims; i++) sum += codes[i]! * codes[i]!;
    // The row's scale cancels out once the row is made unit length; kept for rows of zeros.
    const k = sum > 0 ? 1 / Math.sqrt(sum) : scales[r]!;
    for (let i = start; i < start + dims; i++) out[i] = codes[i]! * k;
  }
  return out;
}

let shipped: Promise<Bank> | undefined;

/**
 * The shipped corpus bank (decoded once per process, loaded only when asked: it is the
 * package's largest file), or null for an embedder its vectors were not made with.
 */
export async function shippedBank(embedderId: string | null): Promise<Bank | null> {
  shipped ??= import("./bank.js").then(({ BANK }) =>
    assembleBank({
      embedder: BANK.embedder,
      dims: BANK.dims,
      sources: BANK.sources,
      agentVectors: decodeRows(BANK.agentCodes, BANK.agentScales, BANK.dims),
      prompts: BANK.prompts,
      vectors: decodeRows(BANK.promptCodes, BANK.promptScales, BANK.dims),
    }),
  );
  const bank = await shipped;
  return bank.embedder === embedderId ? bank : null;
}
