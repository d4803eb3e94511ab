import { describe, expect, it } from 'vitest';
import { methods } from '../../../../shared/api/contract';
import { conflictTextFields, OpenConflict } from '../../../../shared/exchange/conflicts';
import { AnnotationExportArgs, ExportArgs, MergeArgs } from '../../../../shared/exchange/transfer';

describe('exchange arguments', () => {
  it('exports the whole notebook unless a selection is given, and wants a passphrase of 8 characters or more', () => {
    expect(ExportArgs.parse({})).toEqual({ selection: {} });
    expect(ExportArgs.safeParse({ passphrase: 'seven c' }).error?.issues[0]?.message).toBe('A passphrase needs at least 8 characters');
    expect(ExportArgs.safeParse({ selection: { since: 'last week' } }).success).toBe(false);
    expect(ExportArgs.safeParse({ selection: { tag: 'elections' }, path: '/etc/passwd' }).success).toBe(false);
  });

  it('merges as a dry run unless told otherwise, and only an upload batch by its id', () => {
    expect(MergeArgs.parse({ batch: 'b3a8d8d3-0b07-4b22-b673-b404f9a844a9' })).toEqual({ batch: 'b3a8d8d3-0b07-4b22-b673-b404f9a844a9', dryRun: true });
    expect(MergeArgs.safeParse({ batch: '../../notebook' }).success).toBe(false);
  });

  it('takes a selection for Web Annotations and CSV, and one subject for a Markdown report', () => {
    expect(AnnotationExportArgs.parse({ format: 'w3c' })).toEqual({ format: 'w3c', selection: {} });
    expect(AnnotationExportArgs.safeParse({ format: 'markdown', selection: {} }).success).toBe(false);
    expect(AnnotationExportArgs.safeParse({ format: 'markdown', subject: { kind: 'actor', id: 'actor-0001' } }).success).toBe(true);
    expect(AnnotationExportArgs.safeParse({ format: 'pdf' }).success).toBe(false);
  });

  it('resolves a conflict only by keeping one side or both', () => {
    const args = methods['exchange.resolveConflict'].args;
    expect(args.safeParse({ type: 'notes', id: 'note-0001', keep: 'file' }).success).toBe(true);
    expect(args.safeParse({ type: 'documents', id: 'doc-00001', keep: 'file' }).success).toBe(false);
    expect(args.safeParse({ type: 'notes', id: 'note-0001', keep: 'mine' }).success).toBe(false);
  });

  it('names the free-text field of every kind of record that can be in conflict', () => {
    const conflict = { type: 'notes', id: 'note-0001', label: 'Reading notes', mergedAt: '2026-11-26T01:00:00.000Z', fileAuthor: 'Layla', notebook: { text: 'a', savedAt: '2026-11-26T00:00:00.000Z' }, file: { text: 'b', savedAt: '2026-11-25T00:00:00.000Z' } };
    expect(OpenConflict.safeParse({ ...conflict, field: conflictTextFields.notes }).success).toBe(true);
    expect(Object.values(conflictTextFields).every((field) => OpenConflict.shape.field.safeParse(field).success)).toBe(true);
  });
});
