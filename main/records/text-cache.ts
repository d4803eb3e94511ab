import type { BlobStore } from '../storage/blob-store';

/**
 * Recently used canonical texts, so that anchoring a run of highlights in one
 * document reads and verifies its text once, not on every save.
 */
export class TextCache {
  readonly #blobs: BlobStore;
  readonly #capacity: number;
  readonly #texts = new Map<string, Promise<string>>();

  constructor(blobs: BlobStore, capacity = 8) {
    this.#blobs = blobs;
    this.#capacity = capacity;
  }

  get(sha256: string): Promise<string> {
    let text = this.#texts.get(sha256);
    if (text) this.#texts.delete(sha256);
    else {
      text = this.#blobs.getText(sha256);
      text.catch(() => this.#texts.delete(sha256));
    }
    this.#texts.set(sha256, text);
    for (const oldest of this.#texts.keys()) {
      if (this.#texts.size <= this.#capacity) break;
      this.#texts.delete(oldest);
    }
    return text;
  }
}
