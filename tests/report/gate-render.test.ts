import { describe, expect, it } from "vitest";
import { buildGateReport } from "../../src/eval/gate-report.js";
import { renderGate } from "../../src/report/comparison.js";
import { codeSpan } from "../../src/report/escape.js";
import { withThreeDecimals } from "../../src/report/format.js";
import { renderReport } from "../../src/report/index.js";
import { parseXml, type XmlElement } from "./xml-check.js";
import { buildReport } from "../fixtures/eval/report.js";

const rows = [
  { prompt: "deploy the app", expected: ["devops"] },
  { prompt: "review the deploy script", expected: ["code-reviewer"] },
  { prompt: "test the tool", expected: ["tester"] },
  { prompt: "hello there", expected: [] },
];

async function gated() {
  const baseline = await buildReport(rows, { devops: ["deploy"], "code-reviewer": ["review"], tester: ["test"] });
  const current = await buildReport(rows, {
    devops: ["deploy", "script"],
    "code-reviewer": ["zzz", "tool"],
    tester: ["yyy"],
  });
  current.gate = buildGateReport(current, { report: baseline, path: "reports/baseline.json" }, { maxDrop: 0.02 });
  return current;
}

function failures(el: XmlElement): XmlElement[] {
  return [...(el.name === "failure" ? [el] : []), ...el.children.flatMap(failures)];
}

describe("the gate in every format", () => {
  it("report.json carries the verdict, the intervals and every changed decision", async () => {
    const report = await gated();
    expect(report.gate).toMatchObject({ passed: false, baseline: { path: "reports/baseline.json" } });
    const comparison = report.gate!.comparison!;
    expect(comparison.metrics.find((m) => m.metric === "accuracy")?.ci).toEqual(
      expect.objectContaining({ low: expect.any(Number) }),
    );
    expect(comparison.flipped.rightToWrong.map((f) => f.prompt)).toEqual(["review the deploy script", "test the tool"]);
    expect(JSON.parse(renderReport(report, "json")).gate.passed).toBe(false);
  });

  it("report.md starts with the verdict, folds long sections and code-spans ids", async () => {
    const md = renderReport(await gated(), "md", { htmlLink: "https://ci.example/run/1" });
    const lines = md.split("\n");
    expect(lines[0]).toMatch(/^## ❌ agentroute: gate FAIL · macro F1 \d\.\d{3} \(-\d\.\d{3}\) · accuracy/);
    expect(md).toContain("[HTML report](https://ci.example/run/1)");
    expect(md).toContain("### Gate: ❌ FAIL against `reports/baseline.json`");
    expect(md).toContain("<details><summary>Right → wrong: 2 prompts</summary>");
    expect(md).toMatch(
      /\| 3 \| review the deploy script \| `code-reviewer` \| `code-reviewer` \(0\.800\) \| `devops` \(0\.800\) \|/,
    );
    // The gate comes before the summary tables.
    expect(md.indexOf("### Gate")).toBeLessThan(md.indexOf("<summary>Summary"));
  });

  it("report.html shows the verdict badge and the changed prompts A and B side by side", async () => {
    const html = renderReport(await gated(), "html");
    expect(html).toContain('<span class="verdict fail">FAIL</span>');
    expect(html).toContain('data-kind="rightToWrong"');
    expect(html.indexOf('id="gate"')).toBeLessThan(html.indexOf('class="cards"'));
  });

  it("the terminal says FAIL in red only when colour is on", async () => {
    const report = await gated();
    expect(renderGate(report.gate!)).toMatch(/^gate: FAIL \(\d failures?\) against reports\/baseline\.json\n/);
    expect(renderGate(report.gate!, { colour: true })).toContain("\u001b[31mgate: FAIL");
    expect(renderGate(report.gate!)).not.toContain("\u001b[");
  });

  it("junit fails on misroutes by default, on right → wrong flips with junitFailures: flips", async () => {
    const report = await gated();
    const misroutes = report.cases.filter((c) => !c.correct).length;
    expect(parseXml(renderReport(report, "junit")).attrs.failures).toBe(String(misroutes));
    const flips = parseXml(renderReport(report, "junit", { junitFailures: "flips" }));
    expect(flips.attrs.failures).toBe("2");
    expect(failures(flips).map((f) => f.attrs.type)).toEqual(["flip", "flip"]);
  });
});

describe("codeSpan", () => {
  it.each([
    ["use-lite@0.2.0", "`use-lite@0.2.0`"],
    ["a`b", "`` a`b ``"],
    ["a|b", "`a\\|b`"],
  ])("%j → %j", (input, output) => {
    expect(codeSpan(input)).toBe(output);
  });
});

describe("withThreeDecimals", () => {
  it.each([
    ["dropped 0.0469 (0.7742 → 0.64), more than 0.02", "dropped 0.047 (0.774 → 0.640), more than 0.020"],
    ["CI [-0.1786, 0] includes 0", "CI [-0.179, 0] includes 0"],
    ["mode embeddings (use-lite@0.2.0), 3 agents", "mode embeddings (use-lite@0.2.0), 3 agents"],
  ])("%j → %j", (input, output) => {
    expect(withThreeDecimals(input)).toBe(output);
  });
});
