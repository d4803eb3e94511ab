import { describe, expect, it } from 'vitest';
import { idKey } from '../../../../main/search/hits';

describe('record id keys', () => {
  it('order as the ids do, so ties on score rank the same with or without them', () => {
    const ids = ['doc-0001', 'doc-0010', 'Doc-0001', '0f9c2a8e-1b7d-4c1e-9a0b-2f5e8d7c6b5a', 'zzzzzzzz', 'a_b-c_d-e', 'abcdefg1', 'abcdefg2', 'abcdef'];
    const sign = (n: number) => Math.sign(n);
    for (const a of ids) {
      for (const b of ids) {
        const byString = a < b ? -1 : a > b ? 1 : 0;
        const byKey = sign(idKey(a) - idKey(b));
        // Keys look at seven characters: where those agree, the ids themselves decide.
        if (byKey !== 0) expect(byKey, `${a} ${b}`).toBe(byString);
        else expect(a.slice(0, 7)).toBe(b.slice(0, 7));
      }
    }
  });
});
