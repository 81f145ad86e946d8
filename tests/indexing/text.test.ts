import { describe, expect, it } from "vitest";
import { containsPhrase, contentStems, normalizeText, stem, stemAll, tokenize } from "../../src/indexing/text.js";

describe("text normalisation", () => {
  it.each([
    ["CI/CD", ["ci", "cd"]],
    ["ci cd", ["ci", "cd"]],
    ["ci-cd", ["ci", "cd"]],
    ["Ci_Cd", ["ci", "cd"]],
    ["c++ and C# code", ["c++", "and", "c#", "code"]],
    ["What’s best?", ["whats", "best"]],
    ["Café déjà-vu", ["cafe", "deja", "vu"]],
  ])("tokenizes %j", (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it("stems word forms to one stem", () => {
    expect(stem("crashes")).toBe(stem("crash"));
    expect(stem("deployments")).toBe(stem("deployment"));
    expect(stem("c++")).toBe("c++");
  });

  it("drops stop words from content stems but keeps them for phrases", () => {
    expect(contentStems("it is not working")).toEqual(["not", "work"]);
    expect(stemAll("it is not working")).toEqual(["it", "is", "not", "work"]);
  });

  it("matches trigger phrases after normalisation", () => {
    const prompt = stemAll("Our CI-CD pipeline crashes when the build is not working");
    expect(containsPhrase(prompt, stemAll("ci/cd"))).toBe(true);
    expect(containsPhrase(prompt, stemAll("crash"))).toBe(true);
    expect(containsPhrase(prompt, stemAll("not working"))).toBe(true);
    expect(containsPhrase(prompt, stemAll("working not"))).toBe(false);
    expect(containsPhrase(prompt, [])).toBe(false);
  });

  it("caps the text it reads", () => {
    expect(normalizeText("a".repeat(50_000)).length).toBe(20_000);
  });
});
