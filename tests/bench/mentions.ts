// The mention finder over a generated corpus: 1,000 documents of about 1,500
// words each, English and Arabic, and 500 actors with 3 aliases each (a
// variant transliteration, an Arabic spelling, an acronym). Target: under
// 2 s for the whole corpus. The notebook is written straight into the
// on-disk format, then read through the real store, blobs and finder.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findMentions } from '../../main/actors/mention-finder';
import { EventBus } from '../../main/bus/event-bus';
import { MANIFEST_FILE } from '../../main/notebook/notebook-folder';
import { NotebookStore, notebookLayout } from '../../main/notebook/notebook-store';
import { RecordService } from '../../main/notebook/records/record-service';
import { TextCache } from '../../main/notebook/records/text-cache';
import { BlobStore, sha256 } from '../../main/notebook/storage/blob-store';
import { RECORD_FILE_VERSION } from '../../main/notebook/storage/record-file';
import { NOTEBOOK_FORMAT, NOTEBOOK_FORMAT_VERSION } from '../../shared/model/notebook';
import type { ActorRecord, BlobRef, DocumentRecord } from '../../shared/model/records';
import { percentile, printFigure } from './figures';

const DOCUMENTS = 1_000;
const ACTORS = 500;
const WORDS_PER_DOCUMENT = 1_500;

/** A small deterministic generator, so every run measures the same corpus. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const latin = ['ka', 'ta', 'ib', 'ha', 'shi', 'mu', 'dar', 'sa', 'li', 'bad', 'ra', 'qa', 'ni', 'zu', 'fa', 'hel', 'nu', 'jab'];
const arabic = ['كا', 'تا', 'ئب', 'حز', 'بل', 'مد', 'سا', 'لي', 'بد', 'را', 'قا', 'ني', 'زو', 'فا', 'جب', 'ور'];
const filler = 'the officials said that forces near the city moved after talks with local leaders on security and the border region during the week'.split(' ');
const fillerArabic = 'قال المسؤولون إن القوات قرب المدينة تحركت بعد محادثات مع القادة المحليين حول الأمن والحدود خلال الأسبوع'.split(' ');

function word(next: () => number, syllables: readonly string[], count: number): string {
  return Array.from({ length: count }, () => syllables[Math.floor(next() * syllables.length)]).join('');
}

function generateActors(now: string): ActorRecord[] {
  const next = random(7);
  return Array.from({ length: ACTORS }, (_, i) => {
    const first = word(next, latin, 2);
    const last = `${word(next, latin, 3)}${i}`;
    const name = `${first[0]?.toUpperCase()}${first.slice(1)} ${last[0]?.toUpperCase()}${last.slice(1)}`;
    return {
      id: randomUUID(),
      createdAt: now,
      updatedAt: now,
      author: 'Bench',
      name,
      kind: 'armed-group',
      aliases: [`${first}'${last}`, `${word(next, arabic, 2)} ${word(next, arabic, 3)}${i}`, `${first.slice(0, 2).toUpperCase()}${i}`],
      description: '',
      affiliations: [],
    };
  });
}

function generateText(next: () => number, actors: readonly ActorRecord[]): string {
  const words: string[] = [];
  const arabicDocument = next() < 0.3;
  while (words.length < WORDS_PER_DOCUMENT) {
    if (next() < 0.03) {
      const actor = actors[Math.floor(next() * actors.length)] as ActorRecord;
      const names = [actor.name, ...actor.aliases];
      words.push(names[Math.floor(next() * names.length)] as string);
    } else {
      const pool = arabicDocument ? fillerArabic : filler;
      words.push(pool[Math.floor(next() * pool.length)] as string);
    }
    if (next() < 0.07) words.push(arabicDocument ? '.\n\n' : '.\n\n');
  }
  return words.join(' ');
}

async function generateNotebook(dir: string): Promise<void> {
  const now = new Date().toISOString();
  await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify({ format: NOTEBOOK_FORMAT, formatVersion: NOTEBOOK_FORMAT_VERSION, name: 'Bench', createdAt: now }));
  const actors = generateActors(now);
  const blobs = new BlobStore(path.join(dir, notebookLayout.blobs));
  const next = random(11);
  const documents: DocumentRecord[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const text = generateText(next, actors).normalize('NFC');
    const hash = sha256(text);
    // Written plainly: durable saves of 1,000 blobs would only slow the set-up.
    await mkdir(path.dirname(blobs.pathOf(hash)), { recursive: true });
    await writeFile(blobs.pathOf(hash), text);
    const blob: BlobRef = { sha256: hash, size: Buffer.byteLength(text), mediaType: 'text/plain; charset=utf-8' };
    documents.push({ id: randomUUID(), createdAt: now, updatedAt: now, author: 'Bench', kind: 'text', title: `Report ${i}`, authors: [], direction: 'auto', original: blob, text: blob, tags: [] });
  }
  await writeFile(path.join(dir, notebookLayout.documents), JSON.stringify({ formatVersion: RECORD_FILE_VERSION, records: documents }));
  await writeFile(path.join(dir, notebookLayout.actors), JSON.stringify({ formatVersion: RECORD_FILE_VERSION, records: actors }));
}

export async function benchMentions(): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-'));
  try {
    await generateNotebook(temp);
    const store = await NotebookStore.open(temp, { readOnly: true });
    const records = new RecordService(store, () => 'Bench', new EventBus());
    const wall: number[] = [];
    const cpu: number[] = [];
    let found = 0;
    for (let run = 0; run < 3; run++) {
      // A fresh text cache each run: every document's text is read and checked again, as on a first search.
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      found = (await findMentions(records, new TextCache(store.blobs))).total;
      const used = process.cpuUsage(cpuStart);
      wall.push(performance.now() - start);
      cpu.push((used.user + used.system) / 1000);
    }
    const params = { documents: DOCUMENTS, actors: ACTORS, aliasesPerActor: 3, wordsPerDocument: WORDS_PER_DOCUMENT, mentions: found };
    printFigure('mention_finder_first', params, wall[0] as number, 'ms');
    printFigure('mention_finder_p50', params, percentile([...wall].sort((a, b) => a - b), 0.5), 'ms');
    // CPU time as well: on a shared machine the wall time also counts waiting for a core.
    printFigure('mention_finder_cpu_p50', params, percentile([...cpu].sort((a, b) => a - b), 0.5), 'ms');
    await store.close();
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
