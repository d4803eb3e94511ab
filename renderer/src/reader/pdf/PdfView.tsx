import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import type { PdfViewProps } from '../view-props';
import { openPdf } from './open-pdf';
import type { PageSize } from './page-layout';
import { PdfDocumentView } from './PdfDocumentView';
import './pdf-view.css';

interface Opened {
  pdf: PDFDocumentProxy;
  firstPage: PageSize;
}

/**
 * A PDF as printed, page by page, with a text layer for selecting and the
 * document's highlights painted under it. Offsets in and out are offsets in
 * the canonical text the import stored.
 */
export function PdfView(props: PdfViewProps) {
  const { data } = props;
  const [opened, setOpened] = useState<Opened>();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    const task = openPdf(data);
    let active = true;
    void (async () => {
      try {
        const pdf = await task.promise;
        const page = await pdf.getPage(1);
        const { width, height } = page.getViewport({ scale: 1 });
        if (active) setOpened({ pdf, firstPage: { width, height } });
      } catch (error) {
        if (active) setFailure(error instanceof Error ? error.message : String(error));
      }
    })();
    return () => {
      active = false;
      setOpened(undefined);
      setFailure(undefined);
      void task.destroy();
    };
  }, [data]);

  if (failure !== undefined) {
    return (
      <div className="pdf-view pdf-view--message" role="alert">
        This PDF could not be displayed: {failure}
      </div>
    );
  }
  if (!opened) {
    return (
      <div className="pdf-view pdf-view--message" role="status">
        Opening the PDF…
      </div>
    );
  }
  return <PdfDocumentView {...props} pdf={opened.pdf} firstPage={opened.firstPage} />;
}
