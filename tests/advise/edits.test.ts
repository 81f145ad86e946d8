import { describe, expect, it } from "vitest";
import { applyEdit } from "../../src/advise/edits.js";
import { parseAgentFile } from "../../src/agents/parse/parse.js";

const sentence = { kind: "add-sentence", text: 'Also use it for requests like "fix the CSS grid".' } as const;
const trigger = { kind: "add-trigger", text: "css grid" } as const;
const bullet = { kind: "add-not-engage", text: 'Requests like "tune the query" (use database-specialist)' } as const;

const file = (description: string, body = "Body.\n") =>
  `---\nname: ui\n${description}\ntools: Read, Edit\nmodel: sonnet\n---\n${body}`;

describe("applyEdit", () => {
  it.each([
    [
      "plain",
      "description: Builds pages.",
      sentence,
      'description: Builds pages. Also use it for requests like "fix the CSS grid".',
    ],
    [
      "plain, trigger list",
      'description: Builds pages. Triggers on "html".',
      trigger,
      'description: Builds pages. Triggers on "css grid", "html".',
    ],
    [
      "plain, new trigger list",
      "description: Builds pages",
      trigger,
      'description: Builds pages. Triggers on "css grid".',
    ],
    [
      "plain that would stop being plain YAML is double-quoted",
      "description: Builds pages",
      { kind: "add-sentence", text: "Also: grids." } as const,
      'description: "Builds pages. Also: grids."',
    ],
    [
      "double-quoted keeps its own escapes",
      'description:  "Builds \\"pages\\".\\nMore"',
      sentence,
      'description:  "Builds \\"pages\\".\\nMore. Also use it for requests like \\"fix the CSS grid\\"."',
    ],
    [
      "single-quoted",
      "description: 'It''s for pages.'",
      { kind: "add-sentence", text: "It's for grids too." } as const,
      "description: 'It''s for pages. It''s for grids too.'",
    ],
    [
      "block scalar: the first paragraph's last line",
      "description: |\n  Builds pages.\n  Fast.\n\n  Examples:\n  - one",
      sentence,
      'description: |\n  Builds pages.\n  Fast. Also use it for requests like "fix the CSS grid".\n\n  Examples:\n  - one',
    ],
    [
      "block scalar: the Triggers on line",
      'description: >-\n  Builds pages.\n  Triggers on "html".\n  More.',
      trigger,
      'description: >-\n  Builds pages.\n  Triggers on "css grid", "html".\n  More.',
    ],
  ])("%s: changes the description line only", (_, description, edit, expected) => {
    const edited = applyEdit(file(description), edit);
    expect(edited).toBe(file(expected));
    expect(parseAgentFile(edited!, "ui.md", { path: "/x/ui.md" }).agent?.name).toBe("ui");
  });

  it("refuses a plain description continued on the next line (null: the proof skips the edit)", () => {
    expect(applyEdit(file("description: Builds\n  pages."), sentence)).toBeNull();
    expect(applyEdit("no frontmatter\n", sentence)).toBeNull();
  });

  it("adds a When NOT to Engage bullet after the section's last bullet, the rest byte-identical", () => {
    const body = "# UI\n\n## When NOT to Engage\n\n- Backend work (use api)\n\n## Output\n\nText.\n";
    expect(applyEdit(file("description: x", body), bullet)).toBe(
      file(
        "description: x",
        `# UI\n\n## When NOT to Engage\n\n- Backend work (use api)\n- ${bullet.text}\n\n## Output\n\nText.\n`,
      ),
    );
  });

  it("starts a When NOT to Engage section at the end when there is none", () => {
    expect(applyEdit(file("description: x", "Body.\n\n"), bullet)).toBe(
      file("description: x", `Body.\n\n## When NOT to Engage\n\n- ${bullet.text}\n`),
    );
  });

  it("keeps a CRLF file CRLF", () => {
    const crlf = file("description: Builds pages.").replace(/\n/g, "\r\n");
    expect(applyEdit(crlf, sentence)).toBe(
      file('description: Builds pages. Also use it for requests like "fix the CSS grid".').replace(/\n/g, "\r\n"),
    );
  });
});
