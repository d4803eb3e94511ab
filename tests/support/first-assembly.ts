// A PDF's text as the first version of text assembly made it (see
// shared/pdf/page-text.ts): what imports stored before the version was
// recorded, for the tests and the bench of the upgrade that replaces it.
import { CanonicalTextBuilder, type CanonicalText } from '../../main/import/pdf/canonical-text';
import { loadPdfjs, pdfjsAssetOptions } from '../../main/import/pdf/pdfjs';
import { textContentParams, traceGlyphs } from '../../shared/pdf/page-text';

export async function firstAssembly(bytes: Uint8Array): Promise<CanonicalText> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), ...pdfjsAssetOptions() });
  try {
    const pdf = await task.promise;
    const builder = new CanonicalTextBuilder();
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const items = (await page.getTextContent(textContentParams(1))).items.flatMap((item) => ('str' in item ? [item] : []));
      builder.addPage(traceGlyphs(items, 1).text);
      page.cleanup();
    }
    return builder.finish();
  } finally {
    await task.destroy();
  }
}
