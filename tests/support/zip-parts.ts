import { ZipFile } from 'yazl';

/** Zips `entries`. Small parts are stored, not deflated: deflating ten thousand of them takes seconds. */
export async function zipParts(entries: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new ZipFile();
  for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name, { compress: content.length > 1024 });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
