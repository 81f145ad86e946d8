/**
 * Reads commander's `--help` text back into data, and renders it as Markdown tables for
 * docs/cli.md. The help text is the source of truth: a flag documented here is a flag the CLI
 * prints, with the CLI's own words.
 *
 * @example
 * parseHelp("Usage: agentroute lint [options] [dir]\n\nCheck agents\n\nOptions:\n  --json  print JSON\n")
 * // { usage: "agentroute lint [options] [dir]", description: "Check agents", arguments: [],
 * //   options: [{ term: "--json", description: "print JSON", default: "" }], commands: [] }
 */

export interface HelpEntry {
  term: string;
  description: string;
  /** The `(default: …)` commander appends, without the parentheses; "" when there is none. */
  default: string;
}

export interface CommandHelp {
  usage: string;
  description: string;
  arguments: HelpEntry[];
  options: HelpEntry[];
  commands: HelpEntry[];
}

const SECTIONS = { "Arguments:": "arguments", "Options:": "options", "Commands:": "commands" } as const;
type ListKey = (typeof SECTIONS)[keyof typeof SECTIONS];

function splitDefault(text: string): { description: string; default: string } {
  const m = /^(.*?)\s*\(default:\s*(.*)\)$/s.exec(text);
  if (!m) return { description: text, default: "" };
  const value = m[2]!.replace(/^"(.*)"$/, "$1");
  return { description: m[1]!, default: value };
}

/** Parses one command's `--help` output (commander's layout: usage, description, then lists). */
export function parseHelp(text: string): CommandHelp {
  const help: CommandHelp = { usage: "", description: "", arguments: [], options: [], commands: [] };
  const description: string[] = [];
  let list: ListKey | null = null;
  let open: { term: string; text: string } | null = null;
  const flush = () => {
    if (open && list) help[list].push({ term: open.term, ...splitDefault(open.text) });
    open = null;
  };
  for (const line of text.split("\n")) {
    if (line.startsWith("Usage: ")) help.usage = line.slice("Usage: ".length).trim();
    else if (line in SECTIONS) {
      flush();
      list = SECTIONS[line as keyof typeof SECTIONS];
    } else if (list === null) {
      if (help.usage && line.trim()) description.push(line.trim());
    } else if (/^ {2}\S/.test(line)) {
      flush();
      const m = /^ {2}(\S(?:.*?\S)?)(?: {2,}(\S.*))?$/.exec(line)!;
      open = { term: m[1]!, text: m[2] ?? "" };
    } else if (/^ {3,}\S/.test(line) && open) {
      const entry: { term: string; text: string } = open;
      entry.text = `${entry.text} ${line.trim()}`.trim();
    }
  }
  flush();
  help.description = description.join(" ");
  return help;
}

/** Text for a Markdown table cell: pipes escaped, angle brackets kept visible. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function table(head: string, entries: readonly HelpEntry[]): string {
  const rows = entries.map(
    (e) => `| \`${e.term}\` | ${cell(e.description)} | ${e.default ? `\`${e.default}\`` : ""} |`,
  );
  return [`| ${head} | meaning | default |`, "| --- | --- | --- |", ...rows].join("\n");
}

/** Every option but `-h, --help`, which every command has. */
function ownOptions(help: CommandHelp): HelpEntry[] {
  return help.options.filter((o) => o.term !== "-h, --help");
}

/**
 * One command as Markdown: usage, description, arguments and options tables; subcommands
 * (e.g. `hook install`) follow under their own heading.
 */
export function renderCommand(help: CommandHelp, subcommands: readonly CommandHelp[] = []): string {
  const parts = ["```", help.usage, "```", "", help.description];
  if (help.arguments.length > 0) parts.push("", table("argument", help.arguments));
  const options = ownOptions(help);
  if (options.length > 0) parts.push("", table("option", options));
  for (const sub of subcommands) {
    const name = sub.usage.replace(/ \[options\].*$/, "");
    parts.push("", `#### \`${name}\``, "", renderCommand(sub));
  }
  return parts.join("\n");
}

/** The command list of the top-level help, as a table linking each command to its section. */
export function renderOverview(root: CommandHelp): string {
  const rows = root.commands
    .filter((c) => !c.term.startsWith("help "))
    .map((c) => {
      const name = c.term.split(" ")[0]!;
      return `| [\`${name}\`](#${name}) | ${cell(c.description)} |`;
    });
  return ["| command | what it does |", "| --- | --- |", ...rows].join("\n");
}
