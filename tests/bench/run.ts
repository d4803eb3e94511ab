// `npm run bench`: every benchmark, each printing JSON lines (see figures.ts).
import { benchApiRoundTrip } from './api-roundtrip';
import { benchPdf } from './pdf';
import { benchStorage } from './storage';

await benchApiRoundTrip();
await benchStorage();
await benchPdf();
