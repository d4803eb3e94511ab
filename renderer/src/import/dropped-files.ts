/** A file the user chose or dropped, with its path inside what they chose (a folder keeps its layout). */
export interface ChosenFile {
  file: File;
  relativePath: string;
}

export function fromFileList(files: FileList): ChosenFile[] {
  return [...files].map((file) => ({ file, relativePath: file.webkitRelativePath || file.name }));
}

/**
 * Everything dropped, folders walked (the File System entries API is the only
 * way a web page can read a dropped folder). Hidden files are left out.
 */
export async function fromDataTransfer(transfer: DataTransfer): Promise<ChosenFile[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return fromFileList(transfer.files);
  const found: ChosenFile[] = [];
  const visit = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.name.startsWith('.')) return;
    const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      found.push({ file, relativePath });
    } else if (entry.isDirectory) {
      for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await visit(child, relativePath);
    }
  };
  for (const entry of entries) await visit(entry, '');
  return found;
}

async function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  // readEntries returns the folder in chunks; an empty chunk means the end.
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (chunk.length === 0) return all;
    all.push(...chunk);
  }
}
