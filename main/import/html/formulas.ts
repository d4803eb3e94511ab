/// <reference lib="dom" />
import { isHiddenFromView } from './readable-article';

const MATHML = 'http://www.w3.org/1998/Math/MathML';

/** Wikipedia (and MediaWiki) wrap each formula's TeX in a style command that says nothing to a reader. */
const TEX_STYLE_WRAPPER = /^\s*\{\s*\\(?:displaystyle|textstyle)\s*([\s\S]*)\}\s*$/;

function unwrapTex(tex: string): string {
  return (TEX_STYLE_WRAPPER.exec(tex)?.[1] ?? tex).replace(/\s+/g, ' ').trim();
}

/** The MathML elements whose text is what a formula shows (annotations and HTML inside <mtext> are not). */
const TOKEN_ELEMENTS = new Set(['mi', 'mn', 'mo', 'ms', 'mtext']);
const SHOW_TEXT = 4;

/**
 * A formula as text: its `alttext` (the source the page gives for readers
 * that cannot show MathML, usually TeX), else a TeX annotation, else the
 * symbols it shows, in order.
 */
function formulaText(math: Element): string {
  const alttext = math.getAttribute('alttext');
  if (alttext !== null && alttext.trim() !== '') return unwrapTex(alttext);
  const tex = Array.from(math.getElementsByTagNameNS(MATHML, 'annotation')).find((annotation) => /tex/i.test(annotation.getAttribute('encoding') ?? ''));
  if (tex?.textContent) return unwrapTex(tex.textContent);
  const symbols: string[] = [];
  const walker = math.ownerDocument.createTreeWalker(math, SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent?.namespaceURI === MATHML && TOKEN_ELEMENTS.has(parent.localName)) symbols.push(node.nodeValue ?? '');
  }
  return symbols.join('').replace(/\s+/g, ' ').trim();
}

/**
 * The outermost element around `math` that the page hides and that holds
 * nothing but the formula: pages that draw formulas as images keep the
 * MathML beside them in such a wrapper for screen readers (Wikipedia does).
 */
function hiddenWrapper(math: Element): Element | undefined {
  const formula = (math.textContent ?? '').trim();
  let wrapper: Element | undefined;
  for (let ancestor = math.parentElement; ancestor !== null && (ancestor.textContent ?? '').trim() === formula; ancestor = ancestor.parentElement) {
    if (isHiddenFromView(ancestor)) wrapper = ancestor;
  }
  return wrapper;
}

/**
 * Replaces each MathML formula in `document` with its text in a <span>, so
 * the reader shows it and the canonical text keeps it: the sanitiser lets
 * no MathML through (its namespaces are where mutation attacks live), and
 * dropping it left sentences like "When , there are two solutions". Where
 * the page hid the MathML and drew the formula as an image instead, the text
 * takes the image's place.
 */
export function replaceFormulasWithText(document: Document): void {
  for (const math of Array.from(document.getElementsByTagNameNS(MATHML, 'math'))) {
    // A formula inside another's annotation went with the outer one.
    if (!math.isConnected) continue;
    const text = formulaText(math);
    const replaced = hiddenWrapper(math) ?? math;
    const parent = replaced.parentElement;
    if (replaced !== math && parent !== null) {
      for (const image of Array.from(parent.children)) {
        if (image.localName === 'img' && unwrapTex(image.getAttribute('alt') ?? '') === text) image.remove();
      }
    }
    if (text === '') {
      replaced.remove();
      continue;
    }
    const span = document.createElement('span');
    span.textContent = text;
    replaced.replaceWith(span);
  }
}
