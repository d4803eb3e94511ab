// `npm run bench`: every benchmark, each printing JSON lines (see figures.ts).
import { benchAnchoring } from './anchoring';
import { benchApiRoundTrip } from './api-roundtrip';
import { benchExchange } from './exchange';
import { benchHtmlDepth } from './html-depth';
import { benchMentions } from './mentions';
import { benchNoteTyping } from './note-typing';
import { benchPackageSize } from './package-size';
import { benchPackagedDocuments } from './packaged-documents';
import { benchPdf } from './pdf';
import { benchPaintHighlights } from './paint-highlights';
import { benchPdfOpen } from './pdf-open';
import { benchSearch } from './search';
import { benchStorage } from './storage';

await benchApiRoundTrip();
await benchStorage();
await benchSearch();
await benchPdf();
await benchHtmlDepth();
await benchPackagedDocuments();
await benchPdfOpen();
await benchAnchoring();
await benchPaintHighlights();
await benchMentions();
await benchExchange();
await benchNoteTyping();
await benchPackageSize();
