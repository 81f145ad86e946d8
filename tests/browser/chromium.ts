import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium, installed by .ci/run (`apt-get install chromium`). */
export const CHROMIUM = process.env.AGENTROUTE_CHROMIUM ?? "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Whether the browser tests run: yes with Chromium; without it they are skipped with a
 * message, except in CI, where a missing browser must fail instead.
 */
export function browserTestsEnabled(): boolean {
  if (HAS_CHROMIUM || process.env.CI) return true;
  console.warn(
    `[agentroute tests] ${CHROMIUM} not found: the HTML report browser tests are skipped (apt-get install chromium).`,
  );
  return false;
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** Opens a file in headless Chromium with a fresh profile, collecting console errors. */
export async function openInChromium(
  file: string,
  options: { colorScheme?: "light" | "dark"; width?: number; height?: number } = {},
): Promise<OpenedPage> {
  const profile = mkdtempSync(path.join(tmpdir(), "agentroute-chromium-"));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    colorScheme: options.colorScheme ?? "light",
    viewport: { width: options.width ?? 1400, height: options.height ?? 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (err) => errors.push(String(err)));
  // Any request leaving the file is a defect: the page must be self-contained.
  await page.route(/^(?!file:)/, (route) => {
    errors.push(`network request: ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(`file://${file}`);
  return {
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
