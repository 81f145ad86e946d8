// Placeholder until bench/build-adapter.ts writes the trained weights.
export const ADAPTER = {
  embedder: "none",
  dims: 0,
  rank: 0,
  scale: 1,
  noneBias: 0,
  noneVector: [] as number[],
  a: "",
  aScales: [] as number[],
  b: "",
  bScales: [] as number[],
};
