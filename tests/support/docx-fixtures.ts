import { tinyPng } from './html-fixtures';
import { zipParts } from './zip-parts';

/**
 * Word documents (.docx) written part by part, as Word lays them out: a
 * zip of XML with a heading style, an English and an Arabic paragraph, a
 * table, a footnote and an endnote, an embedded image and hostile content (a javascript:
 * link, a link to a remote image) that must not survive.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const reportDocx = {
  title: 'Water rights on the lower Tigris',
  authors: ['Layla Haddad', 'Omar Nouri'],
  heading: 'Findings',
  english: 'Farmers on the eastern bank stopped irrigating their date palms when the salt reached the pumps.',
  arabic: 'توقف المزارعون على الضفة الشرقية عن ري النخيل عندما وصل الملح إلى المضخات.',
  footnote: 'Measured at three pumping stations in August.',
  endnote: 'Interviews held in Qurna and Basra, 2023.',
  cells: ['Station', 'Salinity'],
} as const;

function run(text: string): string {
  return `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
}

const NAMESPACES = `xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`;

/** word/document.xml around `body` (paragraphs and tables in WordprocessingML). */
export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NAMESPACES}><w:body>${body}</w:body></w:document>`;
}

export const heading = (text: string): string => `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${run(text)}</w:p>`;
export const paragraph = (text: string): string => `<w:p>${run(text)}</w:p>`;
const drawing = (blip: string, id: number, description: string): string =>
  `<w:p><w:r><w:drawing><wp:inline><wp:docPr id="${id}" name="Picture ${id}" descr="${description}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip ${blip}/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
export const embeddedImage = (id: number, description: string): string => drawing('r:embed="rIdImage"', id, description);

function reportBody(): string {
  const { english, arabic, cells } = reportDocx;
  return [
    heading(reportDocx.heading),
    `<w:p>${run(english)}<w:r><w:footnoteReference w:id="1"/></w:r></w:p>`,
    `<w:p><w:pPr><w:bidi/></w:pPr>${run(arabic)}<w:r><w:endnoteReference w:id="1"/></w:r></w:p>`,
    `<w:p><w:hyperlink r:id="rIdScript">${run('Open the dashboard')}</w:hyperlink></w:p>`,
    embeddedImage(1, 'Salinity chart'),
    drawing('r:link="rIdRemote"', 2, 'Tracking pixel'),
    `<w:tbl><w:tr><w:tc>${paragraph(cells[0])}</w:tc><w:tc>${paragraph(cells[1])}</w:tc></w:tr></w:tbl>`,
  ].join('\n');
}

const parts = (): Record<string, string | Uint8Array> => ({
  '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`,
  '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="${RELS}">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`,
  'docProps/core.xml': `<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>${reportDocx.title}</dc:title><dc:creator>${reportDocx.authors.join('; ')}</dc:creator><dc:language>en-GB</dc:language>
</cp:coreProperties>`,
  'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="${RELS}">
<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
<Relationship Id="rIdEndnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>
<Relationship Id="rIdImage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>
<Relationship Id="rIdRemote" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="https://tracker.example/pixel.png" TargetMode="External"/>
<Relationship Id="rIdScript" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>
</Relationships>`,
  'word/styles.xml': `<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`,
  'word/footnotes.xml': `<?xml version="1.0" encoding="UTF-8"?>
<w:footnotes xmlns:w="${W}"><w:footnote w:id="1"><w:p>${run(reportDocx.footnote)}</w:p></w:footnote></w:footnotes>`,
  'word/endnotes.xml': `<?xml version="1.0" encoding="UTF-8"?>
<w:endnotes xmlns:w="${W}"><w:endnote w:id="1"><w:p>${run(reportDocx.endnote)}</w:p></w:endnote></w:endnotes>`,
  'word/document.xml': documentXml(reportBody()),
  'word/media/image1.png': tinyPng(),
});

/** The report as .docx bytes, with `override` parts replaced or added. */
export function reportDocxBytes(override: Record<string, string | Uint8Array> = {}): Promise<Uint8Array> {
  return zipParts({ ...parts(), ...override });
}
