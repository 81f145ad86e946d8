import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { escapeHtml, escapeMarkdownCell, escapeXml, jsonForScript } from "../../src/report/escape.js";
import { parseFormats, renderReport, reporters, REPORT_FORMATS, writeReports } from "../../src/report/index.js";
import { buildReport, NASTY } from "../fixtures/eval/report.js";
import { parseXml, type XmlElement } from "./xml-check.js";

const words = { "<script>x</script>": ["script"], "code-reviewer": ["review"], devops: ["deploy"] };

async function nastyReport() {
  return buildReport(
    [
      { prompt: `review ${NASTY.script}`, expected: ["devops"] },
      { prompt: `deploy ${NASTY.markdown}`, expected: ["code-reviewer"] },
      { prompt: `review ${NASTY.control}`, expected: ["devops"] },
      { prompt: "deploy now", expected: ["devops"] },
      { prompt: "a script please", expected: ["<script>x</script>"] },
      { prompt: "nothing here", expected: [] },
    ],
    words,
  );
}

function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}

describe("escaping helpers", () => {
  it.each([
    [escapeHtml, '<a href="x">&\'', "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"],
    [escapeXml, 'a<b & "c"\u0007\ud800', "a&lt;b &amp; &quot;c&quot;"],
    [escapeMarkdownCell, "a | `b`\n<c>", "a \\| \\`b\\` &lt;c&gt;"],
  ])("%o escapes %j", (escape, input, output) => {
    expect(escape(input)).toBe(output);
  });

  it("keeps a script tag inside embedded JSON from closing the element", () => {
    const text = jsonForScript({ p: "</script><script>alert(1)</script>\u2028" });
    expect(text).not.toMatch(/[<>]/);
    expect(JSON.parse(text)).toEqual({ p: "</script><script>alert(1)</script>\u2028" });
  });
});

describe("reporters", () => {
  it("are a name-keyed map matching the --format names", () => {
    expect(REPORT_FORMATS).toEqual(["table", "md", "json", "junit", "html", "baseline"]);
    expect(Object.keys(reporters)).toEqual(REPORT_FORMATS);
    expect(parseFormats(" table,JSON,table ")).toEqual(["table", "json"]);
    expect(() => parseFormats("table,pdf")).toThrow(/unknown report format: pdf/);
  });

  it("table follows scikit-learn's layout and lists the worst confusions", async () => {
    const text = renderReport(await nastyReport(), "table");
    expect(text).toMatch(/ +precision +recall +f1-score +support\n/);
    expect(text).toMatch(/\n +devops +0\.500 +0\.333 +0\.400 +3\n/);
    expect(text).toMatch(/\n +none +1\.000 +1\.000 +1\.000 +1\n/);
    expect(text).toMatch(/\n +accuracy +0\.500 +6\n/);
    expect(text).toMatch(/\n +macro avg /);
    expect(text).toContain("worst confusions (expected → predicted):");
    expect(text).toContain('  1  devops → code-reviewer   e.g. "review bell nul esc vt ok"');
    expect(["\u0000", "\u0007", "\u001b"].some((ch) => text.includes(ch))).toBe(false);
    expect(text).toContain("misrouted: 3 of 6 prompts");
    expect(text).toContain("1 skipped (line 99: empty prompt)");
  });

  it("markdown escapes pipes, backticks, angle brackets and newlines in cells", async () => {
    const md = renderReport(await nastyReport(), "md");
    expect(md).not.toContain("<script>");
    expect(md).toContain("&lt;script&gt;");
    expect(md).toContain("a \\| b \\`code\\` &lt;b&gt;bold&lt;/b&gt; second line");
    // Every table row keeps its header's column count despite the pipes in prompts.
    let columns = 0;
    for (const line of md.split("\n")) {
      if (!line.startsWith("|")) columns = 0;
      else if (columns === 0) columns = line.split("|").length;
      else expect(line.replace(/\\\|/g, "").split("|").length).toBe(columns);
    }
    expect(md).toMatch(/^## agentroute eval: macro F1 /);
  });

  it("junit parses as strict XML with one testcase per prompt and control characters removed", async () => {
    const report = await nastyReport();
    const root = parseXml(renderReport(report, "junit"));
    expect(root.name).toBe("testsuites");
    expect(root.attrs).toMatchObject({ tests: "6", failures: "3" });
    const cases = allElements(root).filter((el) => el.name === "testcase");
    expect(cases).toHaveLength(6);
    const failures = allElements(root).filter((el) => el.name === "failure");
    expect(failures).toHaveLength(3);
    expect(failures.map((f) => f.attrs.message)).toContain("expected devops, got code-reviewer");
    const controlCase = failures.find((f) => f.text.includes("bell"))!;
    expect(controlCase.text).toContain("prompt: review bell nul esc vt ok");
    expect(failures.some((f) => f.text.includes(NASTY.script))).toBe(true);
    expect(root.children.map((s) => s.attrs.name)).toEqual([
      "route to <script>x</script>",
      "route to code-reviewer",
      "route to devops",
      "route to none",
    ]);
  });

  it("html renders a script tag in a prompt or agent name as text and embeds safe JSON", async () => {
    const html = renderReport(await nastyReport(), "html");
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script type="application/json" id="agentroute-data">', "<script>"]);
    const json = /<script type="application\/json" id="agentroute-data">([^<]*)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(json!).perAgent["<script>x</script>"]).toBeDefined();
    expect(html).toContain("review &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain('data-agent="&lt;script&gt;x&lt;/script&gt;"');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('data-search="misroutes"');
  });

  it("json is the report as is", async () => {
    const report = await nastyReport();
    expect(JSON.parse(renderReport(report, "json"))).toEqual(report);
  });

  it("writeReports writes the file formats and leaves the table to stdout", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "agentroute-reports-"));
    const report = await nastyReport();
    const written = await writeReports(report, path.join(dir, "out"), ["table", "md", "json", "junit", "html"]);
    expect(written.map((f) => path.basename(f))).toEqual(["report.md", "report.json", "junit.xml", "report.html"]);
    await writeReports(report, path.join(dir, "out"), ["json", "junit"], { stem: "report-a" });
    expect((await readdir(path.join(dir, "out"))).sort()).toEqual([
      "junit-a.xml",
      "junit.xml",
      "report-a.json",
      "report.html",
      "report.json",
      "report.md",
    ]);
  });
});

describe("markdown layout", () => {
  it("renders a small report as a PR comment", async () => {
    const report = await buildReport(
      [
        { prompt: "deploy the app", expected: ["devops"] },
        { prompt: "review this diff", expected: ["devops"] },
        { prompt: "hello", expected: [] },
      ],
      { "code-reviewer": ["review"], devops: ["deploy"] },
    );
    expect(renderReport(report, "md", { maxMisroutes: 5 })).toMatchInlineSnapshot(`
      "## agentroute eval: macro F1 0.556 · accuracy 0.667

      2 agents in \`agents\` · \`keyword-only\` · dataset \`datasets/test.csv\`: 3 prompts, 1 misrouted · [HTML report](report.html)

      Worst agents: \`code-reviewer\` 0.000, \`devops\` 0.667, \`none\` 1.000.

      <details><summary>Summary: 3 rows used of 4 read; 1 skipped (line 99: empty prompt)</summary>

      | metric | value | 95% CI |
      | --- | ---: | --- |
      | accuracy (exact match) | 0.667 | 0.000 – 1.000 |
      | macro F1 (none included) | 0.556 | 0.000 – 1.000 |
      | micro F1 | 0.667 | |
      | weighted F1 | 0.778 | |
      | none precision / recall / F1 | 1.000 / 1.000 / 1.000 | 1 declined |
      | top-1 / top-3 / MRR | 0.667 / 1.000 / 0.833 | |
      | ECE | 0.233 | |

      </details>

      <details><summary>Per agent, worst F1 first (3)</summary>

      | agent | F1 | precision | recall | support |
      | --- | ---: | ---: | ---: | ---: |
      | \`code-reviewer\` | 0.000 | 0.000 | 0.000 | 0 |
      | \`devops\` | 0.667 | 1.000 | 0.500 | 2 |
      | \`none\` | 1.000 | 1.000 | 1.000 | 1 |

      </details>

      <details><summary>By tag</summary>

      | tag | value | rows | accuracy | macro F1 |
      | --- | --- | ---: | ---: | ---: |
      | kind | even | 2 | 1.000 | 1.000 |
      | kind | odd | 1 | 0.000 | 0.000 |

      </details>

      <details><summary>Top confusions (1)</summary>

      | expected | predicted | count | example |
      | --- | --- | ---: | --- |
      | \`devops\` | \`code-reviewer\` | 1 | review this diff |

      </details>

      <details><summary>Misroutes, most confident first (1 of 1)</summary>

      | line | prompt | expected | predicted | confidence | why |
      | ---: | --- | --- | --- | ---: | --- |
      | 3 | review this diff | \`devops\` | \`code-reviewer\` | 0.800 | matched code-reviewer |

      </details>

      "
    `);
  });
});
