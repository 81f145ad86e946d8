import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Writes a tiny but real BERT-shaped model in the Transformers.js layout (config.json,
 * tokenizer.json, tokenizer_config.json, onnx/model.onnx), so the transformers backend's
 * normal loading and inference path runs offline. The ONNX graph is a word-embedding lookup
 * masked by attention_mask: last_hidden_state = E[input_ids] · mask. Vectors are seeded per
 * word, so sentences sharing words are closer than sentences that share none.
 */
const WORDS = [
  "how",
  "do",
  "i",
  "reset",
  "my",
  "password",
  "?",
  "forgot",
  "login",
  "the",
  "weather",
  "is",
  "sunny",
  "today",
  "deploy",
  "to",
  "staging",
];
const SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"];
export const TINY_BERT_DIMS = 16;

// Minimal protobuf writer: enough of the wire format for onnx.proto.
const varint = (n: number | bigint): number[] => {
  let v = BigInt(n);
  if (v < 0n) v += 1n << 64n;
  const out: number[] = [];
  do {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v > 0n ? byte | 0x80 : byte);
  } while (v > 0n);
  return out;
};
const field = (no: number, wire: number) => varint((no << 3) | wire);
const int = (no: number, n: number | bigint) => Buffer.from([...field(no, 0), ...varint(n)]);
const bytes = (no: number, data: Buffer | string) => {
  const b = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  return Buffer.concat([Buffer.from([...field(no, 2), ...varint(b.length)]), b]);
};
const msg = (no: number, ...parts: Buffer[]) => bytes(no, Buffer.concat(parts));

const FLOAT = 1;
const INT64 = 7;
const dim = (d: number | string) => msg(1, typeof d === "number" ? int(1, d) : bytes(2, d));
const valueInfo = (no: number, name: string, elemType: number, dims: (number | string)[]) =>
  msg(no, bytes(1, name), msg(2, msg(1, int(1, elemType), msg(2, ...dims.map(dim)))));
const node = (inputs: string[], output: string, op: string, ...attributes: Buffer[]) =>
  msg(1, ...inputs.map((i) => bytes(1, i)), bytes(2, output), bytes(3, `${op}_${output}`), bytes(4, op), ...attributes);
const tensor = (name: string, dataType: number, dims: number[], raw: Buffer) =>
  msg(5, ...dims.map((d) => int(1, d)), int(2, dataType), bytes(8, name), bytes(9, raw));

/** The model's vector for a word: seeded pseudo-random; special tokens embed to zero. */
export function tinyBertWordVector(word: string): Float32Array {
  const out = new Float32Array(TINY_BERT_DIMS);
  if (SPECIALS.includes(word)) return out;
  let seed = [...word].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  for (let i = 0; i < out.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    out[i] = seed / 2 ** 32 - 0.5;
  }
  return out;
}

function onnxModel(vocab: string[]): Buffer {
  const table = Buffer.concat(vocab.map((w) => Buffer.from(tinyBertWordVector(w).buffer)));
  const axes = Buffer.alloc(8);
  axes.writeBigInt64LE(2n);
  const graph = msg(
    7,
    node(["embeddings", "input_ids"], "gathered", "Gather"),
    node(["attention_mask"], "mask_f", "Cast", msg(5, bytes(1, "to"), int(3, FLOAT), int(20, 2))),
    node(["mask_f", "axes"], "mask_3d", "Unsqueeze"),
    node(["gathered", "mask_3d"], "last_hidden_state", "Mul"),
    bytes(2, "tiny-bert"),
    tensor("embeddings", FLOAT, [vocab.length, TINY_BERT_DIMS], table),
    tensor("axes", INT64, [1], axes),
    valueInfo(11, "input_ids", INT64, ["batch", "sequence"]),
    valueInfo(11, "attention_mask", INT64, ["batch", "sequence"]),
    valueInfo(12, "last_hidden_state", FLOAT, ["batch", "sequence", TINY_BERT_DIMS]),
  );
  return Buffer.concat([int(1, 8), bytes(2, "agentroute-tests"), graph, msg(8, bytes(1, ""), int(2, 13))]);
}

function tokenizerJson(vocab: string[]): object {
  const special = (content: string) => ({
    id: vocab.indexOf(content),
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const token = (id: string) => ({ SpecialToken: { id, type_id: 0 } });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map(special),
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [token("[CLS]"), { Sequence: { id: "A", type_id: 0 } }, token("[SEP]")],
      pair: [
        token("[CLS]"),
        { Sequence: { id: "A", type_id: 0 } },
        token("[SEP]"),
        { Sequence: { id: "B", type_id: 1 } },
        token("[SEP]"),
      ],
      special_tokens: Object.fromEntries(
        ["[CLS]", "[SEP]"].map((t) => [t, { id: t, ids: [vocab.indexOf(t)], tokens: [t] }]),
      ),
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((w, i) => [w, i])),
    },
  };
}

/**
 * Write the model to `<root>/<name>/` and return that folder.
 *
 * @example
 * const folder = await writeTinyBert(tmp, "tiny-bert"); // tmp/tiny-bert/config.json, onnx/model.onnx, …
 */
export async function writeTinyBert(root: string, name: string): Promise<string> {
  const folder = path.join(root, name);
  const vocab = [...SPECIALS, ...WORDS];
  await mkdir(path.join(folder, "onnx"), { recursive: true });
  await writeFile(
    path.join(folder, "config.json"),
    JSON.stringify({
      model_type: "bert",
      architectures: ["BertModel"],
      hidden_size: TINY_BERT_DIMS,
      vocab_size: vocab.length,
    }),
  );
  await writeFile(
    path.join(folder, "tokenizer_config.json"),
    JSON.stringify({
      tokenizer_class: "BertTokenizer",
      do_lower_case: true,
      model_max_length: 512,
      cls_token: "[CLS]",
      sep_token: "[SEP]",
      pad_token: "[PAD]",
      unk_token: "[UNK]",
    }),
  );
  await writeFile(path.join(folder, "tokenizer.json"), JSON.stringify(tokenizerJson(vocab)));
  await writeFile(path.join(folder, "onnx", "model.onnx"), onnxModel(vocab));
  return folder;
}
