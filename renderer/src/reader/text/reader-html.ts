import { ApiError } from '../../../../shared/api/errors';
import { sanitizeHtml, type UrlPolicy } from '../../../../shared/html/sanitize';

/** Images of saved pages point at their blob by hash; the reader swaps in an object URL once the bytes arrive. */
const ASSET_SRC = /^fieldbook-asset:([a-f0-9]{64})$/;

/** What stored HTML may point at: the document's own blobs, and links that only ever show their address. */
const READER_URLS: UrlPolicy = {
  imageSource: (src) => (ASSET_SRC.test(src) ? src : undefined),
  linkTarget: (href) => {
    if (!URL.canParse(href)) return undefined;
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  },
};

/**
 * The import already sanitised this HTML; sanitising again here, with the
 * same profile, is defence in depth, so a damaged, hand-edited or merged
 * notebook cannot inject markup. The profile keeps the content of what it
 * removes as the import did, so the text, and with it every offset, is the
 * text the import counted. Markup that cannot be made safe gives an empty
 * fragment: its text then differs from the stored text and the view shows
 * the text's blocks instead.
 */
export function sanitiseReaderHtml(html: string): DocumentFragment {
  const template = document.createElement('template');
  try {
    // Parsed into a <template>, which is inert: nothing in it loads until it is placed in the page.
    template.innerHTML = sanitizeHtml(window, html, READER_URLS, 'The document');
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return template.content;
  }
  const fragment = template.content;
  for (const image of fragment.querySelectorAll('img')) {
    const asset = ASSET_SRC.exec(image.getAttribute('src') ?? '');
    image.removeAttribute('src');
    if (asset?.[1]) image.dataset.asset = asset[1];
  }
  for (const link of fragment.querySelectorAll('a[href]')) link.setAttribute('title', link.getAttribute('href') ?? '');
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
