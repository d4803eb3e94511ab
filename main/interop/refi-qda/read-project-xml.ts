import { JSDOM } from 'jsdom';
import { ApiError } from '../../../shared/api/errors';
import { QDA_NAMESPACE } from './project-xml';

/**
 * Parse project.qde. A document type declaration is refused before parsing:
 * QDA-XML needs none, and it is how entity expansion (billion laughs) and
 * external entities (reading local files) get in. The parser (jsdom's
 * DOMParser, on saxes) expands only XML's own entities besides.
 */
export function readProjectXml(text: string, fileName: string): Element {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new ApiError('DAMAGED_FILE', `${fileName} declares a document type or entities, which REFI-QDA projects do not use and Fieldbook does not read. Nothing was imported.`);
  const document = new (new JSDOM('').window.DOMParser)().parseFromString(text, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new ApiError('DAMAGED_FILE', `${fileName} holds a project.qde that is not well-formed XML (${(error.textContent ?? '').trim().slice(0, 300)}). Nothing was imported.`);
  const root = document.documentElement;
  if (root.localName !== 'Project' || root.namespaceURI !== QDA_NAMESPACE) throw new ApiError('DAMAGED_FILE', `${fileName} is not a REFI-QDA project: its project.qde has no Project element in ${QDA_NAMESPACE}. Nothing was imported.`);
  return root;
}

/** The element's children named `name` in the QDA-XML namespace. */
export function childrenNamed(element: Element, name: string): Element[] {
  return [...element.children].filter((child) => child.localName === name && child.namespaceURI === QDA_NAMESPACE);
}

export function childText(element: Element, name: string): string | undefined {
  return childrenNamed(element, name)[0]?.textContent ?? undefined;
}
