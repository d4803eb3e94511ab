import type { BlobStore } from '../storage/blob-store';

export interface TextCacheLimits {
  /** Texts kept at most. */
  texts: number;
  /** Characters kept at most, over all texts (a long PDF's text is millions). */
  characters?: number;
}

/**
 * Recently used canonical texts, so that anchoring a run of highlights in one
 * document reads and verifies its text once, not on every save, and search
 * results typed letter by letter do not read the same documents again.
 */
export class TextCache {
  readonly #blobs: BlobStore;
  readonly #limits: Required<TextCacheLimits>;
  readonly #texts = new Map<string, Promise<string>>();
  /** Sizes of the texts read so far, in characters. */
  readonly #sizes = new Map<string, number>();
  #characters = 0;

  constructor(blobs: BlobStore, limits: TextCacheLimits = { texts: 8 }) {
    this.#blobs = blobs;
    this.#limits = { characters: Number.POSITIVE_INFINITY, ...limits };
  }

  get(sha256: string): Promise<string> {
    let text = this.#texts.get(sha256);
    if (text) this.#texts.delete(sha256);
    else {
      text = this.#blobs.getText(sha256);
      text.then(
        (value) => {
          if (this.#texts.get(sha256) !== text) return;
          this.#sizes.set(sha256, value.length);
          this.#characters += value.length;
          this.#evict();
        },
        () => this.#forget(sha256),
      );
    }
    this.#texts.set(sha256, text);
    this.#evict();
    return text;
  }

  #evict(): void {
    for (const oldest of this.#texts.keys()) {
      if (this.#texts.size <= this.#limits.texts && (this.#characters <= this.#limits.characters || this.#texts.size === 1)) break;
      this.#forget(oldest);
    }
  }

  #forget(sha256: string): void {
    this.#texts.delete(sha256);
    this.#characters -= this.#sizes.get(sha256) ?? 0;
    this.#sizes.delete(sha256);
  }
}
