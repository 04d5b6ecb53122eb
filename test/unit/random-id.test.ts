import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { randomId } from '../../casenote/random-id.ts';

describe('randomId', () => {
  it('makes version-4 UUIDs the log schema accepts, without crypto.randomUUID', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomId({ getRandomValues: (a) => crypto.getRandomValues(a) })));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(z.uuid().safeParse(id).success).toBe(true);
  });
});
