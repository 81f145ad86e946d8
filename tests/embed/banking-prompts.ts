import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { sharedPath } from "../helpers/shared.js";

/** The first `count` prompts of the BANKING77 test split (real user text, mixed lengths). */
export function readBankingPrompts(count: number): string[] {
  const rows = parse(readFileSync(sharedPath("datasets/banking77-test.csv"), "utf8"), { columns: true }) as {
    prompt: string;
  }[];
  return rows.slice(0, count).map((row) => row.prompt);
}
