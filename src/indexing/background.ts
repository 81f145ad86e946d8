import { rowMatrix } from "../embed/kernel.js";
import { maxOr } from "../embed/vector.js";
import { containsPhrase, contentStems, stemAll } from "./text.js";

/**
 * A fixed sample of everyday requests that no software-team agent should take: chit-chat,
 * general knowledge, personal errands, arithmetic, entertainment. They give the router a
 * reference point for "this prompt is about nothing the agents do": a prompt closer to these
 * than to any agent's pieces is evidence for none. Written for agentroute; they name no
 * agent, tool or data set, and the same list serves every agent set.
 */
export const BACKGROUND_PROMPTS: readonly string[] = [
  "hi there, how are you today?",
  "thanks, that's all for now",
  "good morning!",
  "tell me a joke",
  "what's the weather like tomorrow?",
  "will it rain this weekend in Paris?",
  "what time is it in Tokyo right now?",
  "what is the capital of Australia?",
  "who wrote Pride and Prejudice?",
  "how tall is Mount Everest?",
  "when did the Second World War end?",
  "explain photosynthesis to a ten year old",
  "what's 17% of 240?",
  "convert 60 miles to kilometres",
  "how many days until Christmas?",
  "give me a recipe for banana bread",
  "what should I cook for dinner tonight?",
  "how long do I boil an egg?",
  "suggest a good movie to watch tonight",
  "recommend a fantasy novel for my summer holiday",
  "write a birthday poem for my sister",
  "write a short love letter",
  "compose a haiku about autumn leaves",
  "plan a three-day trip to Rome",
  "book a flight to New York for next Friday",
  "find me a hotel near the beach",
  "how do I get rid of a cold quickly?",
  "what are some good exercises for back pain?",
  "how much water should I drink a day?",
  "help me write a wedding toast",
  "what gift should I buy for my dad?",
  "translate 'good night' into Spanish",
  "what does the word serendipity mean?",
  "summarise the plot of Hamlet",
  "who won the football world cup in 2018?",
  "what is the meaning of life?",
  "tell me a fun fact about octopuses",
  "how do I grow tomatoes on a balcony?",
  "my cat keeps scratching the sofa, what can I do?",
  "help me budget for a new car",
  "should I rent or buy a house?",
  "what's a good name for a golden retriever puppy?",
  "how do I tie a tie?",
  "write a cover letter for a barista job",
  "remind me to call mom at 6pm",
  "set a timer for ten minutes",
  "play some relaxing music",
  "how do I make a paper airplane?",
  "what are the rules of chess?",
  "give me a motivational quote",
];

/**
 * A background request this close (cosine) to one of an agent's own pieces, and closer to it
 * than to any other background request, is that agent's work.
 */
export const BACKGROUND_CLAIMED_COS = 0.6;

/** What unclaimedBackground needs to know about the agent set. */
export interface BackgroundClaims {
  /** Agent names. */
  names: readonly string[];
  /** Each agent's trigger phrases, as stems. */
  triggers: readonly (readonly (readonly string[])[])[];
  /** Piece vectors (pieces × dims) and which pieces describe an agent's own work. */
  vectors: Float32Array;
  positive: readonly number[];
  dims: number;
}

/**
 * The background requests (indices into `prompts`) that the agent set does not claim. The
 * list is everyday requests for software-team sets, but an assistant's intents can be exactly
 * those ("set a timer", "tell me a joke"). A request goes when it holds every content word of
 * an agent's name (agent `timer`, `tell-joke`, `book_flight`) or one of its trigger phrases;
 * then, among the rest, when an agent's piece is at least BACKGROUND_CLAIMED_COS close to it
 * and closer than any other remaining request ("will it rain this weekend?" next to a weather
 * agent's "is it going to snow tomorrow").
 */
export function unclaimedBackground(
  prompts: readonly string[],
  vectors: Float32Array,
  set: BackgroundClaims,
): number[] {
  const nameWords = set.names.map((n) => contentStems(n.replace(/[-_.]+/g, " "))).filter((w) => w.length > 0);
  const byWords = prompts.flatMap((prompt, b) => {
    const stems = stemAll(prompt);
    const words = new Set(stems);
    const claimed =
      nameWords.some((w) => w.every((s) => words.has(s))) ||
      set.triggers.some((list) => list.some((t) => containsPhrase(stems, t)));
    return claimed ? [] : [b];
  });
  const pieces = rowMatrix(set.vectors, set.dims);
  const rest = rowMatrix(Float32Array.from(byWords.flatMap((b) => [...vectorOf(vectors, set.dims, b)])), set.dims);
  const positive = Int32Array.from(set.positive);
  return byWords.filter((b, k) => {
    const v = vectorOf(vectors, set.dims, b);
    const nearestPiece = maxOr(pieces.dotSome(v, positive), -1);
    const others = rest.dotAll(v).filter((_, j) => j !== k);
    return nearestPiece < BACKGROUND_CLAIMED_COS || nearestPiece <= maxOr(others, -1);
  });
}

function vectorOf(matrix: Float32Array, dims: number, row: number): Float32Array {
  return matrix.subarray(row * dims, (row + 1) * dims);
}
