import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/classify/config.js";
import { examplesFrom } from "../../src/tune/examples-candidate.js";
import { openFixtureRouter } from "../classify/helpers.js";

describe("labeled prompts as agent examples", () => {
  it("makes each labeled prompt an example of every agent it names, none rows excluded", () => {
    const row = (prompt: string, expected: string[]) => ({ prompt, expected, tags: {}, line: 1 });
    expect(examplesFrom([row("b1", ["b"]), row("n", []), row("ab", ["a", "b"]), row("b2", ["b"])])).toEqual({
      a: ["ab"],
      b: ["b1", "ab", "b2"],
    });
  });

  it("routes with a config's examples, and rejects examples for an agent not in the set", async () => {
    const plain = await openFixtureRouter(false);
    const prompt = "the nightly sales figures come out wrong";
    const before = await plain.router.route(prompt);
    await plain.close();
    const tuned = await openFixtureRouter(false, {
      examples: {
        "data-keeper": ["the nightly sales figures come out wrong again", "sales figures wrong in the nightly report"],
      },
    });
    const after = await tuned.router.route(prompt);
    await tuned.close();
    expect(after.ranked[0]!.agent).toBe("data-keeper");
    expect(after.ranked[0]!.score).toBeGreaterThan(before.ranked.find((r) => r.agent === "data-keeper")!.score);
    expect(after.reasons.agents[0]!.bestPiece?.kind).toBe("example");
    await expect(openFixtureRouter(false, { examples: { ghost: ["boo"] } })).rejects.toThrow(
      /not an agent of this set/,
    );
    expect(() => resolveConfig({ examples: { a: [""] } })).toThrow(/examples/);
  });
});
