import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOSTILE_PIECES } from "../../fuzz/mutate.js";
import { renderReport } from "../../src/report/index.js";
import { buildReport } from "../fixtures/eval/report.js";
import { parseXml, type XmlElement } from "../report/xml-check.js";

/** Text made of the pieces that break renderers: tags, pipes, backticks, quotes, control and odd Unicode characters. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE_PIECES, "<script>alert(1)</script>", "</script>", "<!--", "]]>", "&amp;", "| --- |"),
      fc.string({ maxLength: 5, unit: "binary" }),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(""));

/** Agent names are file-safe in practice, but reports must survive any string. */
const scenario = fc.record({
  names: fc.uniqueArray(
    hostileText.filter((s) => s.trim() !== "" && s.trim().toLowerCase() !== "none"),
    { minLength: 2, maxLength: 4 },
  ),
  prompts: fc.array(hostileText, { minLength: 1, maxLength: 8 }),
});

function elements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(elements)];
}

/** Each Markdown table keeps one column count on every row (pipes in cells are escaped). */
function checkMarkdownTables(md: string): void {
  let columns: number | null = null;
  for (const line of md.split("\n")) {
    if (!line.startsWith("|")) {
      columns = null;
      continue;
    }
    const count = line.replace(/\\\|/g, "").split("|").length;
    columns ??= count;
    expect(count, line).toBe(columns);
  }
}

describe("every user string is escaped in every report format", () => {
  it("random hostile prompts and agent names: JUnit parses as strict XML, HTML runs no user script, Markdown tables keep their columns", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ names, prompts }) => {
        const words = Object.fromEntries(names.map((name, i) => [name, [`w${i}`]]));
        const rows = prompts.map((prompt, i) => ({
          prompt: `${prompt} w${i % names.length}`,
          expected: i % 3 === 2 ? [] : [names[(i + 1) % names.length]!],
        }));
        const report = await buildReport(rows, words);

        const junit = parseXml(renderReport(report, "junit"));
        expect(elements(junit).filter((el) => el.name === "testcase")).toHaveLength(rows.length);

        const html = renderReport(report, "html");
        expect(html.match(/<script\b[^>]*>/g)).toEqual([
          '<script type="application/json" id="agentroute-data">',
          "<script>",
        ]);
        const json = /<script type="application\/json" id="agentroute-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
        expect(Object.keys((JSON.parse(json!) as { perAgent: object }).perAgent)).toEqual(
          expect.arrayContaining(Object.keys(report.perAgent)),
        );
        expect(html).not.toMatch(/<!--/);

        const md = renderReport(report, "md");
        expect(md).not.toMatch(/<script|<!--/);
        checkMarkdownTables(md);
      }),
      { numRuns: 60, seed: 20261125 },
    );
  });
});
