import { createHash } from 'node:crypto';

/** Fieldbook's own namespace for REFI-QDA GUIDs (a fixed random UUID, RFC 9562 §5.5). */
const NAMESPACE = Buffer.from('6f1d2c4e9a8b4e3f8c7d5b2a1e0f9d8c', 'hex');

/**
 * A REFI-QDA GUID for a Fieldbook record: a name-based UUID (version 5, SHA-1)
 * of the record's role and id, so exporting the same notebook twice gives the
 * same GUIDs and another tool re-importing it can recognise what it already has.
 * `role` separates the several objects one record becomes (a highlight is a
 * selection and, when commented, a note).
 */
export function refiGuid(role: string, id: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`${role}:${id}`, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
