/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateAgents } from "../../src/eval/evaluate.js";
import { buildGateReport } from "../../src/eval/gate-report.js";
import { computePerAgent, computeSummary } from "../../src/eval/summary.js";
import type { EvalReport } from "../../src/eval/types.js";
import { renderHtmlReport } from "../../src/report/html.js";
import { HAS_SHARED, REPO_ROOT, sharedPath } from "../helpers/shared.js";
import { browserTestsEnabled, openInChromium, type OpenedPage } from "./chromium.js";

// Screenshots go to docs/img only when asked (AGENTROUTE_SCREENSHOTS=1), so a test run never dirties the tree.
const SHOTS =
  process.env.AGENTROUTE_SCREENSHOTS === "1"
    ? path.join(REPO_ROOT, "docs/img")
    : mkdtempSync(path.join(tmpdir(), "agentroute-shots-"));
const work = mkdtempSync(path.join(tmpdir(), "agentroute-html-"));

/** Every 8th row of BANKING77's test split (~385 prompts over all 77 intents), keyword-only, to keep it fast. */
function banking77Subset(): string {
  const lines = readFileSync(sharedPath("datasets", "banking77-test.csv"), "utf8").trimEnd().split("\n");
  const file = path.join(work, "banking77-subset.csv");
  writeFileSync(file, [lines[0], ...lines.slice(1).filter((_, i) => i % 8 === 0)].join("\n") + "\n");
  return file;
}

/**
 * A baseline that got five of this run's misroutes right, so the gate fails and lists them as
 * right → wrong (the run itself is real; only its baseline is edited).
 */
function gateAgainstBetterBaseline(report: EvalReport): void {
  const fixed = new Set(
    report.cases
      .filter((c) => !c.correct)
      .slice(0, 5)
      .map((c) => c.prompt),
  );
  const cases = report.cases.map((c) => (fixed.has(c.prompt) ? { ...c, predicted: c.expected, correct: true } : c));
  const agents = Object.keys(report.perAgent).filter((name) => name !== "none");
  const baseline = { ...report, cases, summary: computeSummary(cases), perAgent: computePerAgent(cases, agents) };
  report.gate = buildGateReport(report, { report: baseline, path: "reports/baseline.json" });
}

async function writeHtml(
  name: string,
  agentsDir: string,
  dataset: string,
  gate = false,
): Promise<{ file: string; report: EvalReport }> {
  const report = await evaluateAgents({ agentsDir, dataset, embeddings: false, cwd: REPO_ROOT, cacheDir: null });
  if (gate) gateAgainstBetterBaseline(report);
  const file = path.join(work, `${name}.html`);
  writeFileSync(file, renderHtmlReport(report));
  return { file, report };
}

/** The misroute rows the page shows: [line, data-agents, data-pair, confidence]. */
function visibleMisroutes(opened: OpenedPage) {
  return opened.page.$$eval("#misroutes tbody tr:not([hidden])", (rows) =>
    rows.map((tr) => ({
      line: Number(tr.children[0]!.textContent),
      agents: (tr.getAttribute("data-agents") ?? "").split("\n"),
      pair: tr.getAttribute("data-pair"),
      confidence: Number(tr.children[4]!.getAttribute("data-v")),
    })),
  );
}

const sets = [
  { name: "example-12", agents: "agents", dataset: () => "datasets/example.csv", shared: false, gate: true },
  {
    name: "banking77",
    agents: sharedPath("agent-sets", "banking77-k10"),
    dataset: banking77Subset,
    shared: true,
    gate: false,
  },
];

describe.runIf(browserTestsEnabled())("the HTML report in headless Chromium", () => {
  for (const set of sets) {
    describe.runIf(!set.shared || HAS_SHARED)(set.name, () => {
      let opened: OpenedPage;
      let report: EvalReport;

      beforeAll(async () => {
        const written = await writeHtml(set.name, set.agents, set.dataset(), set.gate);
        report = written.report;
        opened = await openInChromium(written.file);
      });
      afterAll(async () => opened?.close());

      it("lists misroutes most confident first and sorts by any column", async () => {
        const misrouted = report.cases.filter((c) => !c.correct).length;
        const rows = await visibleMisroutes(opened);
        expect(rows).toHaveLength(misrouted);
        expect(rows.map((r) => r.confidence)).toEqual([...rows.map((r) => r.confidence)].sort((a, b) => b - a));
        await opened.page.click("#misroutes th:has-text('line')");
        const byLine = (await visibleMisroutes(opened)).map((r) => r.line);
        expect(byLine).toEqual([...byLine].sort((a, b) => b - a));
        await opened.page.click("#misroutes th:has-text('line')");
        const ascending = (await visibleMisroutes(opened)).map((r) => r.line);
        expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
        await opened.page.click("#agents th:has-text('support')");
        const support = await opened.page.$$eval("#agents tbody tr td:nth-child(6)", (tds) =>
          tds.map((td) => Number(td.textContent)),
        );
        expect(support).toEqual([...support].sort((a, b) => b - a));
      });

      it("filters misroutes by text, by agent (row, matrix label) and by matrix cell", async () => {
        const { page } = opened;
        const total = (await visibleMisroutes(opened)).length;
        const worst = await page.$eval("#agents tbody tr", (tr) => tr.getAttribute("data-agent")!);
        await page.click(`#agents tbody tr[data-agent="${worst}"]`);
        const forAgent = await visibleMisroutes(opened);
        expect(forAgent.length).toBeGreaterThan(0);
        expect(forAgent.every((r) => r.agents.includes(worst))).toBe(true);
        expect(await page.textContent("#drill-text")).toBe(`agent: ${worst}`);
        expect(await page.textContent("#misroutes-shown")).toBe(String(forAgent.length));
        await page.click("#drill-clear");
        expect(await visibleMisroutes(opened)).toHaveLength(total);

        const cell = page.locator("#cm td[data-pair]").first();
        const pair = (await cell.getAttribute("data-pair"))!;
        await cell.click();
        const forPair = await visibleMisroutes(opened);
        expect(forPair.length).toBe(Number(await cell.getAttribute("data-n")));
        expect(forPair.every((r) => r.pair === pair)).toBe(true);
        await page.click("#drill-clear");

        const label = page.locator("#cm tbody th").nth(1);
        const name = (await label.getAttribute("data-agent"))!;
        await label.click();
        expect((await visibleMisroutes(opened)).every((r) => r.agents.includes(name))).toBe(true);
        await page.click("#drill-clear");

        const word = report.cases
          .find((c) => !c.correct)!
          .prompt.split(/\s+/)
          .sort((a, b) => b.length - a.length)[0]!;
        await page.fill('input[data-search="misroutes"]', word);
        const searched = await visibleMisroutes(opened);
        expect(searched.length).toBeGreaterThan(0);
        expect(searched.length).toBeLessThanOrEqual(total);
        await page.fill('input[data-search="misroutes"]', "");
        expect(await visibleMisroutes(opened)).toHaveLength(total);
      });

      it("switches the confusion view between counts, row % and column %, and hides rows without errors", async () => {
        const { page } = opened;
        const firstCount = await page.$eval("#cm tbody tr td[data-n]:not([data-n='0'])", (td) => td.textContent);
        expect(firstCount).toMatch(/^\d+$/);
        await page.check('input[name="cm-mode"][value="row"]');
        expect(await page.$eval("#cm tbody tr td[data-n]:not([data-n='0'])", (td) => td.textContent)).toMatch(/^\d+%$/);
        await page.check('input[name="cm-mode"][value="col"]');
        expect(await page.$eval("#cm tbody tr td[data-n]:not([data-n='0'])", (td) => td.textContent)).toMatch(/^\d+%$/);
        await page.check('input[name="cm-mode"][value="count"]');
        // Every error cell is coloured, however small.
        const uncoloured = await page.$$eval(
          "#cm td[data-off]:not([data-n='0'])",
          (tds) => tds.filter((td) => !(td as HTMLElement).style.background).length,
        );
        expect(uncoloured).toBe(0);
        const clean = await page.$$eval('#cm tbody tr[data-errors="0"]', (rows) => rows.length);
        await page.check("#cm-errors");
        expect(await page.$$eval("#cm tbody tr[hidden]", (rows) => rows.length)).toBe(clean);
        await page.uncheck("#cm-errors");
        expect(await page.$$eval("#cm tbody tr[hidden]", (rows) => rows.length)).toBe(0);
        // Labels stay in view while the matrix scrolls.
        await page.$eval(".cm-wrap", (el) => el.scrollTo(2000, 2000));
        const sticky = await page.$eval("#cm tbody th", (th) => getComputedStyle(th).position);
        expect(sticky).toBe("sticky");
      });

      it.runIf(set.gate)("puts the gate verdict first and filters the changed prompts by kind", async () => {
        const { page } = opened;
        expect(await page.textContent("#gate .verdict")).toBe("FAIL");
        expect(await page.$eval("#gate details", (d) => (d as HTMLDetailsElement).open)).toBe(true);
        const kinds = () =>
          page.$$eval("#changes tbody tr:not([hidden])", (rows) => rows.map((r) => r.getAttribute("data-kind")));
        expect(await kinds()).toContain("rightToWrong");
        await page.selectOption('select[data-kind="changes"]', "rightToWrong");
        const shown = await kinds();
        expect(shown).toHaveLength(5);
        expect(new Set(shown)).toEqual(new Set(["rightToWrong"]));
        await page.selectOption('select[data-kind="changes"]', "");
      });

      it("draws the reliability diagram, the confidence histogram and the threshold sweep", async () => {
        const labels = await opened.page.$$eval("svg[aria-label]", (svgs) =>
          svgs.map((s) => s.getAttribute("aria-label")),
        );
        expect(labels).toEqual(["Reliability diagram", "Confidence histogram, right vs wrong", "Threshold sweep"]);
        expect(await opened.page.$$eval("svg polyline", (lines) => lines.length)).toBeGreaterThanOrEqual(2);
      });

      it("shows no console error and saves a screenshot", async () => {
        mkdirSync(SHOTS, { recursive: true });
        await opened.page.evaluate(() => window.scrollTo(0, 0));
        await opened.page.screenshot({ path: path.join(SHOTS, `report-${set.name}.png`) });
        await opened.page.locator("#cm").scrollIntoViewIfNeeded();
        await opened.page.screenshot({ path: path.join(SHOTS, `report-${set.name}-matrix.png`) });
        expect(opened.errors).toEqual([]);
      });
    });
  }

  it("follows a dark colour scheme", async () => {
    const { file } = await writeHtml("dark", "agents", "datasets/example.csv");
    const opened = await openInChromium(file, { colorScheme: "dark" });
    try {
      const background = await opened.page.$eval("body", (body) => getComputedStyle(body).backgroundColor);
      expect(background).toBe("rgb(22, 24, 28)");
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
