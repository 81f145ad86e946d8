/**
 * `natural`'s Bayes and logistic-regression classifiers, imported by file: the package root
 * loads its storage back ends (over a second, and dotenv's banner on stdout).
 * Logistic regression trains for minutes (natural's gradient descent over 77 one-vs-rest
 * models), so the trained model is cached as natural's own JSON, keyed by the training data.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Labeled } from "./banking-data.js";
import type { Peer } from "./types.js";

interface NaturalClassifier {
  addDocument(text: string, label: string): void;
  train(): void;
  classify(text: string): string;
}
interface ClassifierClass {
  new (): NaturalClassifier;
  restore(saved: unknown): NaturalClassifier;
}

const require = createRequire(import.meta.url);

function trainOrRestore(
  Classifier: ClassifierClass,
  train: readonly Labeled[],
  cacheFile: string | null,
): { classifier: NaturalClassifier; cached: boolean } {
  if (cacheFile && existsSync(cacheFile))
    return { classifier: Classifier.restore(JSON.parse(readFileSync(cacheFile, "utf8"))), cached: true };
  const classifier = new Classifier();
  for (const ex of train) classifier.addDocument(ex.text, ex.label);
  classifier.train();
  if (cacheFile) {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(classifier));
  }
  return { classifier, cached: false };
}

function naturalPeer(name: string, file: string, cacheDir: string | null): Peer {
  return {
    name,
    async predict(train, test) {
      const hash = createHash("sha256").update(JSON.stringify(train)).digest("hex").slice(0, 16);
      const cacheFile = cacheDir ? path.join(cacheDir, `${path.basename(file, ".js")}-${hash}.json`) : null;
      const { classifier, cached } = trainOrRestore(require(file) as ClassifierClass, train, cacheFile);
      this.note = cached ? `trained model read from ${cacheFile}` : undefined;
      return test.map((t) => classifier.classify(t));
    },
  };
}

/** natural's multinomial naive Bayes over Porter stems (trains in under a second). */
export const naturalBayesPeer = naturalPeer(
  "natural BayesClassifier",
  "natural/lib/natural/classifiers/bayes_classifier.js",
  null,
);

/**
 * natural's logistic regression (one-vs-rest, apparatus) over Porter stems, its trained
 * model cached in `cacheDir`.
 *
 * @example
 * createNaturalLogisticPeer(".agentroute-cache/bench")
 */
export function createNaturalLogisticPeer(cacheDir: string): Peer {
  return naturalPeer(
    "natural LogisticRegressionClassifier",
    "natural/lib/natural/classifiers/logistic_regression_classifier.js",
    cacheDir,
  );
}
