// pdf.js's worker module registers its message handler on globalThis when it
// loads; pdf.js then runs its parser on this thread through a loopback port
// instead of starting a worker of its own. Our caller already runs inside an
// extraction worker, and a static import (rather than the path pdf.js would
// import at run time) keeps this working once bundled.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
