import { readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { DocumentRecord, recordSchemas, type RecordType } from '../../shared/model/records';
import { readStructureBlob } from '../../shared/model/document-structure';
import { writeFileAtomic } from './storage/atomic-write';
import { Backups } from './storage/backups';
import { BlobStore, sha256 } from './storage/blob-store';
import { acquireNotebookLock } from './storage/notebook-lock';
import { RECORD_FILE_VERSION, RecordFile, recordFileText } from './storage/record-file';
import { salvageRecords } from './storage/salvage-records';
import { openNotebookFolder } from './notebook-folder';
import { EXCHANGE_JOURNAL_FILE, openExchangeJournal, type JournaledMerge } from './exchange-journal';
import { NotebookStore, notebookLayout } from './notebook-store';
import { stagingLeftovers } from './staging-folders';

export interface DoctorProblem {
  file: string;
  kind: 'damaged-file' | 'invalid-record' | 'damaged-blob' | 'missing-blob' | 'damaged-content' | 'staging-leftover' | 'unreferenced-blob' | 'interrupted-merge';
  message: string;
  /** The newest backup that reads cleanly, when there is one. */
  backup?: string;
  /** `restore` would bring back records: from the damaged file itself, or from `backup`. */
  restorable?: boolean;
  restored?: boolean;
  /** Removed by `repair`: leftovers nothing will ever read. */
  repaired?: boolean;
}

export interface DoctorOptions {
  /** Rebuild each damaged record file from its whole records and its newest good backup. */
  restore?: boolean;
  /** Finish merges cut short, then remove staging folders interrupted merges left and blobs no record names. */
  repair?: boolean;
}

export interface DoctorReport {
  notebook: string;
  files: number;
  records: number;
  blobs: number;
  problems: DoctorProblem[];
}

/**
 * Check every record file and blob of a notebook, and look for what
 * interrupted work leaves: staging folders and blobs no record names. With
 * `restore`, replace each damaged record file by its newest good backup (the
 * damaged file is kept beside it, renamed, so even a wrong diagnosis loses
 * nothing); with `repair`, remove the leftovers.
 */
export async function runDoctor(dir: string, options: DoctorOptions = {}): Promise<DoctorReport> {
  const info = await openNotebookFolder(dir);
  const finished = options.repair ? await finishMerges(info.path) : [];
  const lock = options.restore || options.repair ? await acquireNotebookLock(info.path) : undefined;
  try {
    const backups = new Backups(info.path);
    const report: DoctorReport = { notebook: info.path, files: 0, records: 0, blobs: 0, problems: [...finished] };
    const interrupted = await interruptedMerges(info.path, report);
    const documents: DocumentRecord[] = [];
    // Which blobs are unreferenced is only known when every document record was read.
    let allDocumentsRead = true;

    for (const { file, type } of await recordFiles(info.path)) {
      report.files += 1;
      try {
        const opened = await RecordFile.open<{ id: string }>(file, recordSchemas[type], undefined);
        report.records += opened.size;
        if (type === 'documents') {
          documents.push(...(opened.all() as DocumentRecord[]));
          if (opened.invalid.length > 0) allDocumentsRead = false;
        }
        for (const invalid of opened.invalid) {
          report.problems.push({ file, kind: 'invalid-record', message: `Record ${invalid.id ?? '(no id)'} is set aside: ${invalid.problem}` });
        }
      } catch (error) {
        if (type === 'documents') allDocumentsRead = false;
        report.problems.push(await damagedFile(file, type, error, backups, options.restore === true));
      }
    }

    const blobs = new BlobStore(path.join(info.path, notebookLayout.blobs));
    const stored = new Set(await blobs.list());
    const whole = new Set<string>();
    for (const hash of stored) {
      report.blobs += 1;
      const bytes = await readFile(blobs.pathOf(hash));
      if (sha256(bytes) !== hash) report.problems.push({ file: blobs.pathOf(hash), kind: 'damaged-blob', message: 'Its content no longer matches its SHA-256 name.' });
      else whole.add(hash);
    }
    for (const document of documents) {
      for (const ref of [document.original, document.text, document.structure]) {
        if (ref && !stored.has(ref.sha256)) report.problems.push({ file: blobs.pathOf(ref.sha256), kind: 'missing-blob', message: `Content of “${document.title}” (${document.id}) is missing.` });
      }
      // A blob can be whole and still unreadable (a merged file can carry one): read it as the reader does.
      const structure = document.structure?.sha256;
      if (structure && whole.has(structure) && !readStructureBlob(await readFile(blobs.pathOf(structure), 'utf8'))) {
        report.problems.push({ file: blobs.pathOf(structure), kind: 'damaged-content', message: `The structure of “${document.title}” (${document.id}) cannot be read; the reader shows the document as damaged.` });
      }
    }

    // An interrupted merge's staging folder and blobs are what opening the notebook finishes it with.
    const staging = new Set(interrupted.map((merge) => path.join(info.path, merge.staging)));
    const leftovers: DoctorProblem[] = (await stagingLeftovers(info.path))
      .filter((folder) => !staging.has(folder))
      .map((folder) => ({ file: folder, kind: 'staging-leftover', message: 'A merge that was interrupted left this staging folder; nothing reads it.' }));
    if (allDocumentsRead) {
      const named = new Set([...[...documents, ...(await documentsInBackups(backups, info.path))].flatMap(blobsNamedBy), ...interrupted.flatMap((merge) => merge.blobs)]);
      for (const hash of stored) {
        if (!named.has(hash)) leftovers.push({ file: blobs.pathOf(hash), kind: 'unreferenced-blob', message: 'No document, live, deleted or in a backup, names this blob.' });
      }
    }
    for (const leftover of leftovers) {
      if (options.repair) {
        await rm(leftover.file, { recursive: true, force: true });
        leftover.repaired = true;
      }
      report.problems.push(leftover);
    }
    return report;
  } finally {
    await lock?.release();
  }
}

/** Merges the journal holds: cut short, half in the notebook until its next open finishes them. A journal that cannot be read is reported as damaged. */
async function interruptedMerges(root: string, report: DoctorReport): Promise<JournaledMerge[]> {
  const file = path.join(root, EXCHANGE_JOURNAL_FILE);
  const journal = await openExchangeJournal(root, true).catch((error: unknown) => {
    report.problems.push({ file, kind: 'damaged-file', message: error instanceof Error ? error.message : String(error) });
    return undefined;
  });
  const merges = journal?.all() ?? [];
  for (const merge of merges) {
    report.problems.push({ file, kind: 'interrupted-merge', message: `A merge started at ${merge.startedAt} was cut short: of the records it writes (${mergedCount(merge)}), some may still be missing. Opening the notebook, or --repair, finishes it.` });
  }
  return merges;
}

/** Opening the notebook finishes every merge its journal holds; reported as repaired. */
async function finishMerges(root: string): Promise<DoctorProblem[]> {
  const journal = await openExchangeJournal(root, true).catch(() => undefined);
  const merges = journal?.all() ?? [];
  if (merges.length === 0) return [];
  await (await NotebookStore.open(root)).close();
  const file = path.join(root, EXCHANGE_JOURNAL_FILE);
  return merges.map((merge) => ({ file, kind: 'interrupted-merge', message: `A merge started at ${merge.startedAt} was cut short; it was finished (${mergedCount(merge)} records written).`, repaired: true }));
}

function mergedCount(merge: JournaledMerge): number {
  return Object.values(merge.writes).reduce((sum, list) => sum + list.length, 0);
}

async function recordFiles(root: string): Promise<{ file: string; type: RecordType }[]> {
  const single = (['documents', 'actors', 'events', 'tags'] as const).map((type) => ({ file: path.join(root, notebookLayout[type]), type }));
  const present = await readdir(root);
  const files: { file: string; type: RecordType }[] = single.filter(({ file }) => present.includes(path.basename(file)));
  for (const type of ['highlights', 'notes'] as const) {
    const folder = path.join(root, notebookLayout[type]);
    const names = await readdir(folder).catch(() => [] as string[]);
    files.push(...names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).map((name) => ({ file: path.join(folder, name), type })));
  }
  return files;
}

/**
 * A record file that does not read. Restoring takes the newest state of each
 * record that reads cleanly: the whole records still in the damaged file
 * first (the newest saves are there, and a backup, taken before them, lacks
 * them), then those of the newest good backup that the file has lost. The
 * damaged file is kept beside it, renamed, and what neither holds is named.
 */
async function damagedFile(file: string, type: RecordType, error: unknown, backups: Backups, restore: boolean): Promise<DoctorProblem> {
  const backup = await newestGoodBackup(backups, file, type);
  const message = error instanceof Error ? error.message : String(error);
  const salvage = await salvaged(file, type);
  const problem: DoctorProblem = { file, kind: 'damaged-file', message, ...(backup ? { backup: backup.file } : {}) };
  const inBackup = (backup?.records ?? []).filter((record) => !salvage.records.some((kept) => kept.id === record.id));
  if (salvage.records.length === 0 && !backup) return problem;
  problem.restorable = true;
  const sources = `${salvage.records.length} record(s) read from the damaged file${backup ? `, ${inBackup.length} more from the backup ${path.basename(backup.file)}` : ''}`;
  const lost = salvage.lost ? ` Not recovered: ${salvage.lost}${backup ? ', unless the backup held it' : ''}.` : '';
  if (!restore) {
    problem.message = `${message} A restore would keep ${sources}.${lost}`;
    return problem;
  }
  await rename(file, `${file}.damaged-${Date.now()}`);
  await writeFileAtomic(file, recordFileText([...salvage.records, ...inBackup], [...salvage.setAside, ...(backup?.setAside ?? [])]));
  problem.restored = true;
  problem.message = `${message} Restored ${sources}.${lost}`;
  return problem;
}

/** The whole records of a damaged file: valid ones to keep, the rest set aside, as opening would. Nothing from a file a newer Fieldbook wrote. */
interface Salvaged {
  records: { id: string }[];
  setAside: unknown[];
  lost: string | undefined;
}

async function salvaged(file: string, type: RecordType): Promise<Salvaged> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const version = /"formatVersion"\s*:\s*(\d+)/.exec(text)?.[1];
  if (version !== undefined && Number(version) > RECORD_FILE_VERSION) return { records: [], setAside: [], lost: 'a newer Fieldbook wrote it' };
  const salvage = salvageRecords(text);
  const records: { id: string }[] = [];
  const setAside = [...salvage.setAside];
  for (const raw of salvage.records) {
    const parsed = (recordSchemas[type] as z.ZodType<{ id: string }>).safeParse(raw);
    if (parsed.success && !records.some((record) => record.id === parsed.data.id)) records.push(parsed.data);
    else setAside.push(raw);
  }
  return { records, setAside, lost: salvage.lost };
}

/** The newest backup that opens as the store would open it, with its records read like a damaged file's, so those set aside stay so. */
async function newestGoodBackup(backups: Backups, file: string, type: RecordType): Promise<({ file: string } & Salvaged) | undefined> {
  for (const candidate of await backups.list(file)) {
    const readsCleanly = await RecordFile.open<{ id: string }>(candidate, recordSchemas[type], undefined).then(() => true, () => false);
    if (readsCleanly) return { file: candidate, ...(await salvaged(candidate, type)) };
  }
  return undefined;
}

function blobsNamedBy(document: DocumentRecord): string[] {
  return [document.original, document.text, document.structure, document.html, ...(document.assets ?? [])].flatMap((ref) => (ref ? [ref.sha256] : []));
}

/** Documents of the backups too: restoring one must find its content, so no blob a backup names is a leftover. */
async function documentsInBackups(backups: Backups, root: string): Promise<DocumentRecord[]> {
  const found: DocumentRecord[] = [];
  for (const candidate of await backups.list(path.join(root, notebookLayout.documents))) {
    const opened = await RecordFile.open<DocumentRecord>(candidate, DocumentRecord, undefined).catch(() => undefined);
    if (opened) found.push(...opened.all());
  }
  return found;
}
