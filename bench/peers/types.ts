import type { Labeled } from "./banking-data.js";

/** A peer classifier: trained on labeled utterances, then asked for one label per text. */
export interface Peer {
  readonly name: string;
  /** Trains and returns the predictions for `test`, in order. */
  predict(train: readonly Labeled[], test: readonly string[]): Promise<string[]>;
  /** Set by predict when something about the run needs saying (e.g. a model read from a cache). */
  note?: string | undefined;
}
