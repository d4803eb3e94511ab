/**
 * RFC 4180 CSV: CRLF line ends; a field holding a comma, a quote, CR or LF
 * is quoted, with its quotes doubled. Text that a spreadsheet would run as a
 * formula (starting with = + - @ or a tab) gets a leading apostrophe, since
 * exported notes come from other people's documents.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(values: readonly (string | number | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
