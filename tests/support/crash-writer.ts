// Child process of the crash test: writes highlights (and actors) as fast as
// it can, four at a time, and prints the id of each write once it has been
// acknowledged, until it is killed.
import { EventBus } from '../../main/bus/event-bus';
import { NotebookStore } from '../../main/notebook/notebook-store';
import { createHighlight } from '../../main/notebook/records/highlights';
import { RecordService } from '../../main/notebook/records/record-service';
import { TextCache } from '../../main/notebook/records/text-cache';

const [dir, ...documentIds] = process.argv.slice(2);
const store = await NotebookStore.open(dir as string);
const records = new RecordService(store, () => 'crash-writer', new EventBus());
const texts = new TextCache(store.blobs);
process.stdout.write('ready\n');

for (let round = 0; ; round += 1) {
  await Promise.all(
    [0, 1, 2, 3].map(async (lane) => {
      const saved =
        lane === 3
          ? await records.create('actors', { name: `Actor ${round}`, kind: 'person', aliases: [`Alias ${round}`], description: '', affiliations: [] })
          : await createHighlight(records, texts, {
              documentId: documentIds[(round + lane) % documentIds.length] as string,
              anchor: { start: (round * 3 + lane) % 500, end: ((round * 3 + lane) % 500) + 20 },
              color: 'yellow',
              comment: `round ${round}`,
              tags: [],
              actorIds: [],
              eventIds: [],
            });
      process.stdout.write(`${saved.id}\n`);
    }),
  );
}
