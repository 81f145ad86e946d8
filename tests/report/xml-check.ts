/** A strict little XML 1.0 well-formedness checker for tests (elements, attributes, entities). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

// eslint-disable-next-line no-control-regex -- detecting forbidden control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NAME = /^[A-Za-z_][\w.-]*$/;

function decode(raw: string, where: string): string {
  if (FORBIDDEN.test(raw)) throw new Error(`forbidden character in ${where}`);
  if (raw.includes("<")) throw new Error(`raw < in ${where}`);
  return raw.replace(/&([^;]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(";")) throw new Error(`unterminated entity in ${where}: ${whole}`);
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (body in named) return named[body]!;
    const code = /^#x([0-9a-fA-F]+)$/.exec(body)?.[1] ?? /^#(\d+)$/.exec(body)?.[1];
    if (code === undefined) throw new Error(`unknown entity &${body}; in ${where}`);
    const point = body.startsWith("#x") ? parseInt(code, 16) : parseInt(code, 10);
    if (point < 0x20 && ![9, 10, 13].includes(point)) throw new Error(`forbidden character reference in ${where}`);
    return String.fromCodePoint(point);
  });
}

/** Parses a document or throws saying what is wrong. */
export function parseXml(doc: string): XmlElement {
  let rest = doc.replace(/^<\?xml[^?]*\?>\s*/, "");
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack = [root];
  while (rest.length > 0) {
    const lt = rest.indexOf("<");
    const text = lt < 0 ? rest : rest.slice(0, lt);
    stack.at(-1)!.text += decode(text, "text");
    if (lt < 0) break;
    const gt = rest.indexOf(">", lt);
    if (gt < 0) throw new Error("unterminated tag");
    const tag = rest.slice(lt + 1, gt);
    rest = rest.slice(gt + 1);
    if (tag.startsWith("/")) {
      const open = stack.pop();
      if (!open || open.name !== tag.slice(1).trim()) throw new Error(`mismatched </${tag.slice(1)}>`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = body.split(/\s/)[0]!;
    if (!NAME.test(name)) throw new Error(`bad element name ${JSON.stringify(name)}`);
    const attrs: Record<string, string> = {};
    const attrText = body.slice(name.length);
    const consumed = attrText.replace(/\s+([A-Za-z_][\w.-]*)="([^"]*)"/g, (_, key: string, value: string) => {
      if (key in attrs) throw new Error(`duplicate attribute ${key}`);
      attrs[key] = decode(value, `attribute ${key}`);
      return "";
    });
    if (consumed.trim() !== "") throw new Error(`bad attribute syntax in <${name}>: ${consumed}`);
    const element: XmlElement = { name, attrs, children: [], text: "" };
    stack.at(-1)!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (root.children.length !== 1 || root.text.trim() !== "")
    throw new Error("a document needs exactly one root element");
  return root.children[0]!;
}
