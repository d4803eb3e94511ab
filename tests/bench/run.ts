// `npm run bench`: every benchmark, each printing JSON lines (see figures.ts).
import { benchAnchoring } from './anchoring';
import { benchApiRoundTrip } from './api-roundtrip';
import { benchPdf } from './pdf';
import { benchStorage } from './storage';

await benchApiRoundTrip();
await benchStorage();
await benchPdf();
await benchAnchoring();
