import type { AgentSet } from "../agents/types.js";
import type { Embedder } from "../embed/types.js";
import { AgentRouteError } from "../errors.js";
import { agentText } from "./adapter.js";
import { trainHead } from "./head.js";
import { buildKeywordIndex } from "./keyword-index.js";
import { expandWithLexicon, lexiconWords } from "./expand.js";
import { agentPieces, isPositiveKind, MAX_PIECE_CHARS, redirectedPieces } from "./pieces.js";
import { normalizeAgentName } from "../agents/names.js";
import type { SoftmaxOptions } from "./softmax.js";
import { contentStems } from "./text.js";
import { buildTriggerPhrases } from "./triggers.js";
import { BACKGROUND_PROMPTS, unclaimedBackground, type BackgroundClaims } from "./background.js";
import type { AgentIndex, Piece } from "./types.js";
import { deriveIndex } from "./derived.js";
import { attachBank, DEFAULT_BANK, describeBank, type Bank, type BankAttachment, type BankOptions } from "./bank.js";
import { shippedBank } from "./bank-data/load.js";
import { shippedAdapter } from "./adapter-data/load.js";

export interface BuildIndexOptions {
  /** The sentence encoder, or null for keyword-only mode. */
  embedder: Embedder | null;
  /** Where the trained head is cached (vectors are cached by the embedder); null: no cache. */
  cacheDir: string | null;
  head?: Partial<SoftmaxOptions>;
  /** Extra example utterances by agent name (a tuned config's `examples`). */
  examples?: Readonly<Record<string, readonly string[]>>;
  /**
   * Corpus-bank examples (bank.ts): `false` turns them off; otherwise the options (default
   * DEFAULT_BANK) and the bank (default: the shipped one, used only with the model it was made with).
   */
  bank?: false | (Partial<BankOptions> & { bank?: Bank | null });
  warn?: (message: string) => void;
}

/**
 * Turns parsed agents into everything the classifier needs: pieces, their vectors (one
 * batched, cached embedding call), the keyword index, trigger phrases and the learned head.
 *
 * @example
 * const set = await loadAgents("agents");
 * const index = await buildIndex(set, { embedder: await createEmbedder(), cacheDir: ".agentroute-cache" });
 */
export async function buildIndex(set: AgentSet, options: BuildIndexOptions): Promise<AgentIndex> {
  const agents = set.agents;
  if (agents.length === 0) {
    throw new AgentRouteError("AGENTS_EMPTY", `no agents could be loaded from ${set.root}`, {
      hint: "Point --agents at a folder of Claude Code agent files (Markdown with name/description frontmatter); run `agentroute lint` to see why files were skipped.",
      file: set.root,
    });
  }
  const own = agents.flatMap((a, i) => agentPieces(a, i));
  const embedder = options.embedder;
  const agentVectors = embedder ? await embedAll(embedder, agents.map(agentText)) : null;
  const bank = agentVectors ? await bankFor(options.bank, embedder!.id, agentVectors, agents.length) : null;
  const pieces = [
    ...own,
    ...redirectedPieces(own, agents, normalizeAgentName),
    ...configExamples(agents, options.examples ?? {}),
  ];
  const vectors = embedder
    ? concat(
        await embedAll(
          embedder,
          pieces.map((p) => p.text),
        ),
        bank?.vectors,
      )
    : null;
  if (bank) pieces.push(...bank.pieces);
  const dims = embedder?.dims ?? 0;
  const triggers = buildTriggerPhrases(agents);
  const background = vectors
    ? await backgroundFor(embedder!, {
        names: agents.map((a) => a.name),
        triggers: triggers.map((l) => l.map((t) => t.stems)),
        vectors,
        positive: positiveIds(pieces),
        dims,
      })
    : null;
  const head = await trainHead({
    pieces,
    agentCount: agents.length,
    vectors,
    dims,
    embedderId: embedder?.id ?? "keyword",
    options: options.head,
    expand: expandWithLexicon,
    cacheDir: options.cacheDir,
    warn: options.warn,
  });
  const adapter = shippedAdapter(embedder?.id ?? null);
  return {
    agents,
    agentsHash: set.hash,
    pieces,
    vectors,
    dims,
    embedder,
    background,
    keyword: buildKeywordIndex(pieces, agents.length, (p) => contentStems(lexiconWords(p.text).join(" "))),
    triggers,
    head,
    derived: deriveIndex({ pieces, agentCount: agents.length, vectors, background, dims, agentVectors, adapter }),
    agentVectors,
    bank: bankNote(options.bank, embedder, bank, agents.length),
  };
}

/** One line on the corpus bank for headers: what it added, or why it is off. */
function bankNote(
  setting: BuildIndexOptions["bank"],
  embedder: Embedder | null,
  attached: BankAttachment | null,
  n: number,
): string {
  if (!embedder) return "corpus bank: off (keyword-only mode)";
  if (setting === false) return "corpus bank: off (the config turns it off)";
  if (!attached) return `corpus bank: not used (its vectors are USE-lite's; this run embeds with ${embedder.id})`;
  return describeBank(attached, n);
}

/** The corpus-bank examples for this set, or null when off or when the bank does not fit the embedder. */
async function bankFor(
  setting: BuildIndexOptions["bank"],
  embedderId: string,
  agentVectors: Float32Array,
  n: number,
): Promise<BankAttachment | null> {
  if (setting === false) return null;
  const bank = setting?.bank !== undefined ? setting.bank : await shippedBank(embedderId);
  if (!bank || bank.embedder !== embedderId) return null;
  const { minSimilarity = DEFAULT_BANK.minSimilarity, perAgent = DEFAULT_BANK.perAgent } = setting ?? {};
  return attachBank(bank, agentVectors, n, { minSimilarity, perAgent });
}

function concat(a: Float32Array, b: Float32Array | undefined): Float32Array {
  if (!b || b.length === 0) return a;
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Vectors of the background requests this set does not claim (see unclaimedBackground). */
async function backgroundFor(embedder: Embedder, claims: BackgroundClaims): Promise<Float32Array> {
  const all = await embedAll(embedder, BACKGROUND_PROMPTS);
  const kept = unclaimedBackground(BACKGROUND_PROMPTS, all, claims);
  const out = new Float32Array(kept.length * claims.dims);
  kept.forEach((b, k) => out.set(all.subarray(b * claims.dims, (b + 1) * claims.dims), k * claims.dims));
  return out;
}

function positiveIds(pieces: readonly Piece[]): number[] {
  return pieces.flatMap((p, i) => (isPositiveKind(p.kind) ? [i] : []));
}

/** Embeds texts in one call into one contiguous matrix (texts × dims). */
export async function embedAll(embedder: Embedder, texts: readonly string[]): Promise<Float32Array> {
  const list = await embedder.embed(texts);
  const out = new Float32Array(texts.length * embedder.dims);
  list.forEach((v, i) => out.set(v, i * embedder.dims));
  return out;
}

/** Pieces for the examples a config adds; an example for an agent not in the set is an error. */
function configExamples(agents: AgentSet["agents"], examples: Readonly<Record<string, readonly string[]>>): Piece[] {
  const byName = new Map(agents.map((a, i) => [normalizeAgentName(a.name), i]));
  const out: Piece[] = [];
  for (const name of Object.keys(examples).sort()) {
    const agent = byName.get(normalizeAgentName(name));
    if (agent === undefined) {
      throw new AgentRouteError("CONFIG_INVALID", `config examples name "${name}", which is not an agent of this set`, {
        hint: "Remove that entry from `examples`, or re-run `agentroute tune` for this agent set.",
      });
    }
    for (const text of examples[name]!)
      out.push({ agent, kind: "example", text: text.replace(/\s+/g, " ").trim().slice(0, MAX_PIECE_CHARS), line: 0 });
  }
  return out;
}
