/**
 * NLP.js (`@nlpjs/nlp` with `@nlpjs/lang-en-min`): its default NLU, a small neural network
 * over stemmed bag-of-words features. Its answer is its best-scoring intent; NLP.js says
 * "None" below its own threshold, and then the best real intent is taken instead, so it
 * is compared on ranking like the other peers.
 */
import { createRequire } from "node:module";
import type { Peer } from "./types.js";

interface NlpResult {
  intent: string;
  classifications?: { intent: string; score: number }[];
}
interface NlpInstance {
  use(plugin: unknown): void;
  addLanguage(locale: string): void;
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, text: string): Promise<NlpResult>;
}

const require = createRequire(import.meta.url);

function bestIntent(result: NlpResult): string {
  const real = (result.classifications ?? []).filter((c) => c.intent !== "None");
  return real.length > 0 ? real.reduce((a, b) => (b.score > a.score ? b : a)).intent : result.intent;
}

/** NLP.js trained quietly in memory (no model file written). */
export const nlpjsPeer: Peer = {
  name: "NLP.js (@nlpjs/nlp)",
  async predict(train, test) {
    const { Nlp } = require("@nlpjs/nlp") as { Nlp: new (settings: Record<string, unknown>) => NlpInstance };
    const { LangEn } = require("@nlpjs/lang-en-min") as { LangEn: unknown };
    const nlp = new Nlp({ languages: ["en"], autoSave: false, autoLoad: false, forceNER: false, nlu: { log: false } });
    nlp.use(LangEn);
    for (const ex of train) nlp.addDocument("en", ex.text, ex.label);
    await nlp.train();
    const out: string[] = [];
    for (const text of test) out.push(bestIntent(await nlp.process("en", text)));
    return out;
  },
};
