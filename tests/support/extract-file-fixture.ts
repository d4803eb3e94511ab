import { expect } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { extractFile } from '../../main/import/extract-file';
import { defaultImportLimits, type ExtractedDocument, type ImportLimits } from '../../main/import/extracted-document';
import type { ImportKind } from '../../main/import/file-kind';

/** The ApiError `promise` rejects with, failing the test if it resolves or rejects with anything else. */
export async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

/** Extraction of one kind of file, as if imported from `file`: what it gives, or the error it refuses with. */
export function extractionOf(kind: ImportKind, file: string): {
  extract: (bytes: Uint8Array, limits?: ImportLimits) => Promise<ExtractedDocument>;
  failure: (bytes: Uint8Array, limits?: ImportLimits) => Promise<ApiError>;
} {
  const extract = (bytes: Uint8Array, limits: ImportLimits = defaultImportLimits) => extractFile({ file, kind, bytes, limits });
  return { extract, failure: (bytes, limits) => apiErrorOf(extract(bytes, limits)) };
}
