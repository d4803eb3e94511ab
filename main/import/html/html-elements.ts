/**
 * Element categories from the HTML standard's tree-construction rules, as the
 * nesting scan needs them (all names lower case).
 */

export const VOID_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta',
  'param', 'source', 'track', 'wbr',
]);

/** Their content is text up to the matching end tag (jsdom parses with scripting off, so noscript is not one). */
export const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'textarea', 'title']);

export const FORMATTING_ELEMENTS = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);

/** Elements whose end closes the formatting elements opened inside them ("markers"). */
export const MARKER_ELEMENTS = new Set(['applet', 'caption', 'marquee', 'object', 'td', 'th', 'template']);

/** The root elements every document has; the limit counts what is inside them. */
export const DOCUMENT_ELEMENTS = new Set(['html', 'head', 'body']);

/** Start tags that close an open <p> (the tree builder's "close a p element in button scope"); <table> too, outside quirks mode. */
export const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'search',
  'section', 'summary', 'ul', 'li', 'dd', 'dt', 'listing', 'xmp', 'plaintext',
]);

/** The tree builder's "special" elements, which stop the search an end tag or a new <li> makes. */
export const SPECIAL = new Set([
  'address', 'applet', 'area', 'article', 'aside', 'base', 'basefont', 'bgsound', 'blockquote', 'body', 'br', 'button', 'caption',
  'center', 'col', 'colgroup', 'dd', 'details', 'dir', 'div', 'dl', 'dt', 'embed', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'iframe', 'img', 'input', 'keygen',
  'li', 'link', 'listing', 'main', 'marquee', 'menu', 'meta', 'nav', 'noembed', 'noframes', 'noscript', 'object', 'ol', 'p', 'param',
  'plaintext', 'pre', 'script', 'search', 'section', 'select', 'source', 'style', 'summary', 'table', 'tbody', 'td', 'template',
  'textarea', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul', 'wbr', 'xmp',
]);

/** End tags that close their element only when it is "in scope". */
export const SCOPED_END_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'button', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption',
  'figure', 'footer', 'header', 'hgroup', 'listing', 'main', 'menu', 'nav', 'ol', 'pre', 'search', 'section', 'summary', 'ul', 'dd',
  'dt', 'li', 'applet', 'marquee', 'object', 'select', 'table', 'caption', 'colgroup', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th',
  'template',
]);

export const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
export const RUBY_PARTS = new Set(['rb', 'rp', 'rt', 'rtc']);
/** Elements the tree builder closes when it "generates implied end tags". */
export const IMPLIED_END_TAGS = new Set(['dd', 'dt', 'li', 'optgroup', 'option', 'p', 'rb', 'rp', 'rt', 'rtc']);
export const TABLE_SECTIONS = new Set(['thead', 'tbody', 'tfoot']);

/** Scope boundaries (the tree builder's "has an element in scope"). */
export const DEFAULT_SCOPE = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template']);
export const BUTTON_SCOPE = new Set([...DEFAULT_SCOPE, 'button']);
export const LIST_SCOPE = new Set([...DEFAULT_SCOPE, 'ol', 'ul']);
export const TABLE_SCOPE = new Set(['html', 'table', 'template']);
/** A new <li>/<dd>/<dt> closes the open one unless a special element other than these lies between (another list item included). */
export const LIST_ITEM_STOP = new Set([...SPECIAL].filter((name) => !['address', 'div', 'p'].includes(name)));
/** The scopes that SVG/MathML integration points also bound (all but the table scope). */
export const SCOPES_WITH_FOREIGN_BOUNDARIES = new Set<ReadonlySet<string>>([DEFAULT_SCOPE, BUTTON_SCOPE, LIST_SCOPE, LIST_ITEM_STOP]);
/** Table parts a browser ignores outside a table. */
export const TABLE_ONLY_TAGS = new Set(['caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr']);

/** Where SVG and MathML content is HTML again (annotation-xml only with an HTML encoding, decided per tag). */
export const SVG_INTEGRATION_POINTS = new Set(['foreignobject', 'desc', 'title']);
export const MATHML_INTEGRATION_POINTS = new Set(['mi', 'mo', 'mn', 'ms', 'mtext']);
/** HTML start tags that end SVG/MathML content ("breakout" tags). */
export const FOREIGN_BREAKOUT = new Set([
  'b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'embed', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'head', 'hr', 'i', 'img', 'li', 'listing', 'menu', 'meta', 'nobr', 'ol', 'p', 'pre', 'ruby', 's', 'small', 'span', 'strong', 'strike',
  'sub', 'sup', 'table', 'tt', 'u', 'ul', 'var',
]);
