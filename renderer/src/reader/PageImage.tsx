import { useEffect, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import { documentBlobUrl } from '../api/document-blobs';

/**
 * A photo or scan, shown above the text OCR read from it. Highlights sit on
 * that text for now; the word boxes in the structure are there to place them on the image.
 */
export function PageImage({ api, documentId, sha256, alt }: { api: FieldbookApi; documentId: string; sha256: string; alt: string }) {
  const [url, setUrl] = useState<string>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    let loaded: string | undefined;
    setUrl(undefined);
    setFailed(false);
    documentBlobUrl(api, documentId, sha256).then(
      (objectUrl) => {
        loaded = objectUrl;
        if (current) setUrl(objectUrl);
        else URL.revokeObjectURL(objectUrl);
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
      if (loaded) URL.revokeObjectURL(loaded);
    };
  }, [api, documentId, sha256]);
  return (
    <figure className="reader-page-image">
      {url ? <img src={url} alt={alt} /> : <p role="status">{failed ? 'The image could not be loaded; its text is below.' : 'Loading the image…'}</p>}
    </figure>
  );
}
