import fc from "fast-check";

/**
 * One edit to a real input file. Positions are fractions of the length (0–65535 ↦ start–end)
 * so that a mutation stays meaningful whatever file it lands on, and fast-check can shrink
 * a failing case towards "position 0, one edit".
 */
export type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "splice"; at: number; from: number; length: number; donor: number }
  | { kind: "flip"; at: number; bit: number }
  | { kind: "duplicate-line"; at: number; times: number }
  | { kind: "delete-line"; at: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "nest"; at: number; depth: number; open: string; close: string }
  | { kind: "huge-line"; at: number; length: number; text: string }
  | { kind: "crlf" }
  | { kind: "bom" };

/** Strings that break naive readers: BOMs, NUL, lone surrogates, RTL marks, CRLF, quotes, YAML and JSON syntax. */
export const HOSTILE_PIECES = [
  "\uFEFF",
  "\0",
  "\r\n",
  "\r",
  "\n",
  "\u2028",
  "\u2029",
  "\uD800",
  "\uDFFF",
  "\u202E",
  "\u200D",
  "\uFFFE",
  "\uFFFF",
  "𝕏",
  "é",
  "\u0301",
  "\u001b[31m",
  "\u0007",
  "\t",
  '"',
  "'",
  ",",
  "|",
  "`",
  "<script>",
  "</example>",
  "<example>",
  "---\n",
  "---",
  ": ",
  "- ",
  "&a ",
  "*a",
  "<<: *a",
  "!!js/function",
  "!!binary",
  "{",
  "}",
  "[",
  "]",
  '{"prompt":',
  '"expected":',
  "null",
  "1e999",
  "-0",
  "__proto__",
  "constructor",
  "name: x\n",
  "description: y\n",
  "name: x\nname: y\n",
  "\\",
  "\\u0000",
  "%",
  "#",
  "\u00a0",
  " ",
];

const position = fc.integer({ min: 0, max: 0xffff });

/** Mutations of a file; `donors` is how many other seed files splices may borrow from. */
export function mutationArbitrary(donors: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant("truncate" as const), at: position }),
    fc.record({
      kind: fc.constant("splice" as const),
      at: position,
      from: position,
      length: fc.integer({ min: 1, max: 4000 }),
      donor: fc.nat({ max: Math.max(donors - 1, 0) }),
    }),
    fc.record({ kind: fc.constant("flip" as const), at: position, bit: fc.nat({ max: 7 }) }),
    fc.record({ kind: fc.constant("duplicate-line" as const), at: position, times: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant("delete-line" as const), at: position }),
    fc.record({
      kind: fc.constant("insert" as const),
      at: position,
      text: fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 8, unit: "binary" })),
    }),
    fc.record({
      kind: fc.constant("nest" as const),
      at: position,
      depth: fc.integer({ min: 10, max: 20_000 }),
      open: fc.constantFrom("[", '{"a":', "- ", "  ", "a:\n  ", "<example>", "> "),
      close: fc.constantFrom("]", "}", "", "</example>"),
    }),
    fc.record({
      kind: fc.constant("huge-line" as const),
      at: position,
      length: fc.integer({ min: 1000, max: 300_000 }),
      text: fc.constantFrom("a", "é", " ", ",", '"', "x y ", "\\", "𝕏"),
    }),
    fc.constant({ kind: "crlf" as const }),
    fc.constant({ kind: "bom" as const }),
  );
}

/**
 * Applies mutations in order to `bytes` (a copy is returned). `donors` are the other seeds.
 *
 * @example
 * applyMutations(Buffer.from("a\nb\n"), [{ kind: "truncate", at: 0x8000 }], []).toString() // "a\n"
 */
export function applyMutations(bytes: Buffer, mutations: readonly Mutation[], donors: readonly Buffer[]): Buffer {
  let out = bytes;
  for (const m of mutations) out = applyOne(out, m, donors);
  return out;
}

function offset(buf: Buffer, at: number): number {
  return Math.floor((at / 0xffff) * buf.length);
}

function insertAt(buf: Buffer, at: number, piece: Buffer): Buffer {
  return Buffer.concat([buf.subarray(0, at), piece, buf.subarray(at)]);
}

function lineBounds(buf: Buffer, at: number): [number, number] {
  const start = buf.lastIndexOf(0x0a, Math.max(at - 1, 0)) + 1;
  const nl = buf.indexOf(0x0a, at);
  return [start > at ? 0 : start, nl === -1 ? buf.length : nl + 1];
}

function applyOne(buf: Buffer, m: Mutation, donors: readonly Buffer[]): Buffer {
  const at = "at" in m ? offset(buf, m.at) : 0;
  switch (m.kind) {
    case "truncate":
      return buf.subarray(0, at);
    case "splice": {
      const donor = donors[m.donor] ?? buf;
      const from = offset(donor, m.from);
      return insertAt(buf, at, donor.subarray(from, from + m.length));
    }
    case "flip": {
      if (buf.length === 0) return buf;
      const copy = Buffer.from(buf);
      const i = Math.min(at, copy.length - 1);
      copy[i] = copy[i]! ^ (1 << m.bit);
      return copy;
    }
    case "duplicate-line": {
      const [start, end] = lineBounds(buf, at);
      return insertAt(buf, end, Buffer.concat(Array.from({ length: m.times }, () => buf.subarray(start, end))));
    }
    case "delete-line": {
      const [start, end] = lineBounds(buf, at);
      return Buffer.concat([buf.subarray(0, start), buf.subarray(end)]);
    }
    case "insert":
      return insertAt(buf, at, Buffer.from(m.text, "utf8"));
    case "nest":
      return insertAt(buf, at, Buffer.from(m.open.repeat(m.depth) + m.close.repeat(m.depth), "utf8"));
    case "huge-line":
      return insertAt(buf, at, Buffer.from(m.text.repeat(Math.ceil(m.length / m.text.length)), "utf8"));
    case "crlf":
      return Buffer.from(buf.toString("latin1").replace(/\r?\n/g, "\r\n"), "latin1");
    case "bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]);
  }
}

/**
 * Inputs for one reader: a real seed mutated 0–4 times (most cases), or wholly random text
 * made of hostile pieces (some cases), so both near-valid and garbage inputs are covered.
 *
 * @example
 * fc.sample(inputArbitrary([Buffer.from("prompt,expected\nhi,a\n")]), 1)[0] // a Buffer
 */
export function inputArbitrary(seeds: readonly Buffer[]): fc.Arbitrary<Buffer> {
  if (seeds.length === 0) throw new RangeError("a fuzz target needs at least one seed input");
  const mutated = fc
    .record({
      seed: fc.nat({ max: seeds.length - 1 }),
      mutations: fc.array(mutationArbitrary(seeds.length), { maxLength: 4 }),
    })
    .map(({ seed, mutations }) => applyMutations(seeds[seed]!, mutations, seeds));
  const random = fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 12, unit: "grapheme" })), {
      maxLength: 60,
    })
    .map((pieces) => Buffer.from(pieces.join(""), "utf8"));
  const bytes = fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a));
  return fc.oneof({ weight: 8, arbitrary: mutated }, { weight: 2, arbitrary: random }, { weight: 1, arbitrary: bytes });
}
