/**
 * What to tell the user when pages have no text: a scan imports fine but
 * cannot be searched or highlighted, which they would otherwise discover
 * only later. (Blank pages count too; pdf.js cannot tell us which is which
 * without decoding every image.)
 */
export function textLayerNotices(emptyPages: number, pageCount: number): string[] {
  if (emptyPages === 0 || pageCount === 0) return [];
  if (emptyPages === pageCount) return ['This PDF has no text layer (a scan?): it can be read but not searched or highlighted.'];
  const count = `${emptyPages.toLocaleString('en-US')} of ${pageCount.toLocaleString('en-US')} pages`;
  return emptyPages === 1
    ? [`${count} has no text layer (a scanned or blank page?): it can be read but not searched or highlighted.`]
    : [`${count} have no text layer (scanned or blank pages?): they can be read but not searched or highlighted.`];
}
