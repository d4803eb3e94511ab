import { describe, expect, it } from 'vitest';
import { events, isMethodName, methods } from '../../../shared/api/contract';
import { ApiError, ResponseEnvelope } from '../../../shared/api/errors';

describe('API contract', () => {
  it('lists only names of the form area.action', () => {
    for (const name of Object.keys(methods)) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    for (const name of Object.keys(events)) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('does not treat inherited object keys as methods', () => {
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('constructor')).toBe(false);
    expect(isMethodName('app.info')).toBe(true);
  });

  it('round-trips an error through its wire shape', () => {
    const error = new ApiError('BAD_REQUEST', 'No', [{ path: 'x', message: 'y' }]);
    const wire = JSON.parse(JSON.stringify({ ok: false, error: error.toShape() })) as unknown;
    const parsed = ResponseEnvelope.parse(wire);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(ApiError.fromShape(parsed.error)).toMatchObject({ code: 'BAD_REQUEST', message: 'No', details: [{ path: 'x', message: 'y' }] });
  });

  it('rejects an envelope with an unknown error code', () => {
    expect(ResponseEnvelope.safeParse({ ok: false, error: { code: 'WHATEVER', message: 'x' } }).success).toBe(false);
  });
});
