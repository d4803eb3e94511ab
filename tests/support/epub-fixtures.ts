import { tinyPng } from './html-fixtures';
import { zipParts } from './zip-parts';

/**
 * EPUB books written part by part (an EPUB is a zip of XHTML chapters and
 * an XML package): an English chapter with a footnote, an image and hostile
 * content (a script, an event handler, a remote image) that must not
 * survive, and an Arabic chapter; optionally laid out right to left.
 */

const [english, arabic] = [
  { heading: 'Chapter One: The River', text: 'The ferry ran again by spring, and the villages rebuilt their reed houses along the bank.' },
  { heading: 'الفصل الثاني: الأهوار', text: 'عادت العبارة إلى العمل في الربيع، وأعاد أهل القرى بناء بيوت القصب على الضفة.' },
] as const;

export const book = { title: 'Rivers of the South', authors: ['Layla Haddad', 'Omar Nouri'], chapters: [english, arabic], footnote: 'Reed houses are rebuilt every few years.' } as const;

const chapterOne = `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en">
<head><title>One</title><script>alert('chapter')</script></head>
<body>
<h1>${english.heading}</h1>
<p onclick="alert(1)">${english.text}<a epub:type="noteref" href="#note-1">1</a></p>
<div/><p><img src="../Images/map%20one.png" alt="Map of the marshes"/></p>
<p><img src="https://tracker.example/pixel.png" alt="pixel"/></p>
<aside epub:type="footnote" id="note-1"><p>${book.footnote}</p></aside>
</body></html>`;

const chapterTwo = `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="ar" dir="rtl">
<head><title>٢</title></head>
<body><h1>${arabic.heading}</h1><p>${arabic.text}</p></body></html>`;

function packageDocument(options: { rtl?: boolean; spine?: string[] }): string {
  const spine = (options.spine ?? ['one', 'two']).map((id) => `<itemref idref="${id}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:uuid:8b0c6f5e-4b1e-4f55-9a55-3f7c0d1e2a10</dc:identifier>
<dc:title>${book.title}</dc:title>${book.authors.map((name) => `<dc:creator>${name}</dc:creator>`).join('')}
<dc:language>en</dc:language><dc:publisher>Basra Press</dc:publisher><dc:date>2021-05-04</dc:date>
</metadata>
<manifest>
<item id="one" href="Text/chapter%201.xhtml" media-type="application/xhtml+xml"/>
<item id="two" href="Text/chapter2.xhtml" media-type="application/xhtml+xml"/>
<item id="map" href="Images/map%20one.png" media-type="image/png"/>
</manifest>
<spine${options.rtl ? ' page-progression-direction="rtl"' : ''}>${spine}</spine>
</package>`;
}

/** The book as .epub bytes; `spine` lists the manifest ids to read, `override` replaces or adds parts. */
export function bookEpubBytes(options: { rtl?: boolean; spine?: string[]; override?: Record<string, string | Uint8Array> } = {}): Promise<Uint8Array> {
  return zipParts({
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
    'OEBPS/content.opf': packageDocument(options),
    'OEBPS/Text/chapter 1.xhtml': chapterOne,
    'OEBPS/Text/chapter2.xhtml': chapterTwo,
    'OEBPS/Images/map one.png': tinyPng(),
    ...options.override,
  });
}
