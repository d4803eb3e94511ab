/**
 * Just enough XML writing for project.qde: elements, attributes and text,
 * escaped so that any notebook text (markup, `]]>`, control characters, lone
 * surrogates) yields well-formed XML 1.0 that reads back as written.
 */
export interface XmlElement {
  name: string;
  attributes?: Readonly<Record<string, string | number | boolean | undefined>>;
  children?: readonly (XmlElement | undefined)[];
  /** Text content; an element has either text or children. */
  text?: string;
}

/** Characters XML 1.0 cannot carry at all, not even as references: replaced, one for one, by U+FFFD. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `>` is escaped too, so `]]>` never appears; `\r` as a reference, since parsers turn a literal one into `\n`. */
export function escapeText(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/[&<>\r]/g, (char) => ENTITIES[char] as string);
}

/** In attributes, tabs and newlines too, which parsers would otherwise turn into spaces. */
export function escapeAttribute(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/[&<>"\t\n\r]/g, (char) => ENTITIES[char] as string);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

export function xmlDocument(root: XmlElement): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, lines);
  return `${lines.join('\n')}\n`;
}

function write(element: XmlElement, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(element.attributes ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
  const children = (element.children ?? []).filter((child) => child !== undefined);
  if (element.text !== undefined) {
    lines.push(`${indent}<${element.name}${attributes}>${escapeText(element.text)}</${element.name}>`);
  } else if (children.length === 0) {
    lines.push(`${indent}<${element.name}${attributes}/>`);
  } else {
    lines.push(`${indent}<${element.name}${attributes}>`);
    for (const child of children) write(child, depth + 1, lines);
    lines.push(`${indent}</${element.name}>`);
  }
}
