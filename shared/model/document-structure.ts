import { z } from 'zod';

/**
 * The shape of a document's canonical text, as ranges [start, end) of UTF-16
 * code units in it. Conventions every extractor follows:
 * - blocks (headings, paragraphs, list items…) are separated by "\n\n";
 *   a line break inside a block is "\n";
 * - a PDF's pages are separated by "\n\n", and `pages` gives each page's range;
 * - the text is NFC-normalised, with no leading or trailing whitespace.
 */
export const BlockType = z.enum(['heading', 'paragraph', 'list-item', 'quote', 'preformatted', 'table-cell', 'caption']);
export type BlockType = z.infer<typeof BlockType>;

export const Block = z.object({
  type: BlockType,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Headings: 1 to 6. */
  level: z.number().int().min(1).max(6).optional(),
  /** Set when the block's own direction differs from the document's. */
  dir: z.enum(['ltr', 'rtl']).optional(),
});
export type Block = z.infer<typeof Block>;

export const PageRange = z.object({ index: z.number().int().nonnegative(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type PageRange = z.infer<typeof PageRange>;

export interface OutlineItem {
  title: string;
  /** 0-based page index, when the outline entry points at a page. */
  page?: number;
  children: OutlineItem[];
}
export const OutlineItem: z.ZodType<OutlineItem> = z.lazy(() => z.object({ title: z.string(), page: z.number().int().nonnegative().optional(), children: z.array(OutlineItem) }));

/** A word read by OCR: its range in the text, and its box on its page image in the image's pixels. */
export const OcrWord = z.object({
  page: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  /** Tesseract's confidence, 0 to 100: the reader marks the words worth checking. */
  confidence: z.number().min(0).max(100),
});
export type OcrWord = z.infer<typeof OcrWord>;

/** A page whose text was read by OCR from an image of it, and that image's size in pixels. */
export const OcrPage = z.object({ index: z.number().int().nonnegative(), width: z.number().int().positive(), height: z.number().int().positive(), languages: z.array(z.string()) });
export type OcrPage = z.infer<typeof OcrPage>;

export const DocumentStructure = z.object({
  blocks: z.array(Block),
  pages: z.array(PageRange).optional(),
  outline: z.array(OutlineItem).optional(),
  /** Pages whose text came from OCR, with each word's box, so highlights can sit on the image. */
  ocr: z.object({ pages: z.array(OcrPage), words: z.array(OcrWord) }).optional(),
});
export type DocumentStructure = z.infer<typeof DocumentStructure>;

/** A structure blob as the reader reads it, or undefined when it cannot be; the doctor reads it with this too, so both agree on what is damaged. */
export function readStructureBlob(json: string): DocumentStructure | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const structure = DocumentStructure.safeParse(parsed);
  return structure.success ? structure.data : undefined;
}
