import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/util/unified-diff.js";

/** GNU diff's own output for the same change, headers replaced. */
function gnuDiff(before: string, after: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "udiff-"));
  writeFileSync(path.join(dir, "a"), before);
  writeFileSync(path.join(dir, "b"), after);
  try {
    execFileSync("diff", ["-u", "a", "b"], { cwd: dir });
    return "";
  } catch (err) {
    const out = String((err as { stdout: Buffer }).stdout);
    return out.split("\n").slice(2).join("\n");
  }
}

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe("unifiedDiff", () => {
  it.each([
    [
      "one line changed mid-file",
      lines(12).join("\n") + "\n",
      lines(12).join("\n").replace("line 6", "line six") + "\n",
    ],
    [
      "a line inserted",
      lines(10).join("\n") + "\n",
      [...lines(10).slice(0, 4), "new", ...lines(10).slice(4)].join("\n") + "\n",
    ],
    ["lines appended at the end", "a\nb\n", "a\nb\n\n## When NOT to Engage\n\n- x\n"],
    ["the first line changed", "a\nb\nc\nd\ne\n", "A\nb\nc\nd\ne\n"],
  ])("%s: the same hunk as diff -u", (_, before, after) => {
    const ours = unifiedDiff(before, after, "agents/x.md");
    expect(ours.split("\n").slice(0, 2)).toEqual(["--- a/agents/x.md", "+++ b/agents/x.md"]);
    expect(ours.split("\n").slice(2).join("\n")).toBe(gnuDiff(before, after));
  });

  it("is empty for equal texts", () => {
    expect(unifiedDiff("a\n", "a\n", "x")).toBe("");
  });
});
