import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { FieldbookApi, MethodResult } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { DocumentRecord } from '../../../shared/model/records';
import { fetchDocumentBlob } from '../api/document-blobs';

export interface ReaderDocument {
  record: DocumentRecord;
  content: MethodResult<'documents.content'>;
  /** PDFs: the original file's bytes, for pdf.js. */
  pdf?: Uint8Array;
}

/** Starts loading the PDF view's code (pdf.js is large) while the document's bytes are on their way. */
export const loadPdfView = () => import('./pdf/PdfView');

/** The document record, its content and (for PDFs) its original bytes, loaded together so the view starts with all it needs. */
export function useReaderDocument(api: FieldbookApi, documentId: string, onError: (error: unknown) => void): [ReaderDocument | undefined, Dispatch<SetStateAction<ReaderDocument | undefined>>] {
  const [loaded, setLoaded] = useState<ReaderDocument>();

  useEffect(() => {
    let current = true;
    setLoaded(undefined);
    void (async () => {
      try {
        const record = await api.call('documents.get', { id: documentId });
        if (record.deletedAt) throw new ApiError('NOT_FOUND', 'This document is no longer in the notebook.');
        // The text, the PDF's bytes and the PDF view's code arrive side by side.
        const [content, pdf] = await Promise.all([
          api.call('documents.content', { id: documentId }),
          record.kind === 'pdf' ? fetchDocumentBlob(api, documentId, record.original.sha256).then((blob) => blob.bytes) : undefined,
          record.kind === 'pdf' ? loadPdfView() : undefined,
        ]);
        if (current) setLoaded({ record, content, ...(pdf ? { pdf } : {}) });
      } catch (error) {
        if (current) onError(error);
      }
    })();
    return () => {
      current = false;
    };
  }, [api, documentId, onError]);

  return [loaded, setLoaded];
}
