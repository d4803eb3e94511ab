import DOMPurify from 'dompurify';

/** Images of saved pages point at their blob by hash; the reader swaps in an object URL once the bytes arrive. */
const ASSET_PREFIX = 'fieldbook-asset:';
const ASSET_SRC = /^fieldbook-asset:([a-f0-9]{64})$/;

/**
 * The import already sanitised this HTML; sanitising again here is defence in
 * depth, so a damaged or hand-edited notebook cannot inject markup. Only the
 * asset scheme and plain links survive as URLs, and links never navigate (the
 * view stops them). Element content is kept as DOMPurify does by default, so
 * the text, and with it every offset, is the text the import counted.
 */
export function sanitiseReaderHtml(html: string): DocumentFragment {
  const fragment = DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|fieldbook-asset:[a-f0-9]{64}$)/i,
    FORBID_ATTR: ['style'],
  });
  for (const image of fragment.querySelectorAll('img')) {
    const src = image.getAttribute('src') ?? '';
    image.removeAttribute('src');
    image.removeAttribute('srcset');
    const asset = ASSET_SRC.exec(src);
    if (asset?.[1]) image.dataset.asset = asset[1];
  }
  for (const link of fragment.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (!href.startsWith('#') && !href.startsWith(ASSET_PREFIX)) link.setAttribute('title', href);
  }
  return fragment;
}

/** Give every image its object URL as the bytes arrive; returns a function that releases them. */
export function resolveAssets(root: HTMLElement, loadAsset: (sha256: string) => Promise<string>): () => void {
  let released = false;
  const urls: string[] = [];
  for (const image of root.querySelectorAll<HTMLImageElement>('img[data-asset]')) {
    const sha256 = image.dataset.asset as string;
    loadAsset(sha256).then(
      (url) => {
        if (released) URL.revokeObjectURL(url);
        else {
          urls.push(url);
          image.src = url;
        }
      },
      () => image.classList.add('missing-asset'),
    );
  }
  return () => {
    released = true;
    for (const url of urls) URL.revokeObjectURL(url);
  };
}
