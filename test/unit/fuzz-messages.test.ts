/**
 * The message protocol under fuzzing (issue #8.1 and #8.3). First a structural proof that the
 * content-script → background schema has no field that could carry free text: every string in it
 * is an id, a code, a time or an origin, fenced by a pattern that refuses spaces. Then every
 * parser (content requests, options requests, tab messages) is fed arbitrary values and mutated
 * valid messages: each is accepted or refused with a warning that never echoes a value sent.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { $ZodType } from 'zod/v4/core';
import { ContentRequestSchema, OptionsRequestSchema, TabMessageSchema } from '../../messaging/protocol.ts';
import { parseMessage } from '../../messaging/receive.ts';
import { FuzzTally } from './fuzz-support.ts';
import { logEvent } from './log-events.ts';

// The shared builder, pinned to one id and an https origin so the cases are the same every run.
const validEvent = logEvent({ id: '3b241101-e2bb-4255-8caf-4136c566a962', kind: 'responded', response: 'shared', origin: 'https://example.cpoms.net' });
const validContent: unknown[] = [{ type: 'get-state' }, { type: 'open-options' }, { type: 'log-event', event: validEvent }];

// ── structural walk of a Zod 4 schema ────────────────────────────────────────
interface Def {
  type: string;
  shape?: Record<string, $ZodType>;
  options?: $ZodType[];
  innerType?: $ZodType;
  element?: $ZodType;
  format?: string;
  catchall?: $ZodType;
  checks?: Array<{ _zod: { def: { check: string; format?: string; maximum?: number } } }>;
}
const defOf = (schema: $ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

interface Leaf {
  path: string;
  kind: string;
  schema: $ZodType;
}

/** Every leaf of a schema with its path; unions are walked option by option. */
function leaves(schema: $ZodType, path = '', out: Leaf[] = []): Leaf[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      if (def.catchall && defOf(def.catchall).type !== 'never') out.push({ path: `${path}.*`, kind: 'catchall', schema: def.catchall });
      for (const [key, child] of Object.entries(def.shape ?? {})) leaves(child, `${path}.${key}`, out);
      break;
    case 'union':
      for (const option of def.options ?? []) leaves(option, path, out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
      if (def.innerType) leaves(def.innerType, path, out);
      break;
    case 'array':
      if (def.element) leaves(def.element, `${path}[]`, out);
      break;
    default:
      out.push({ path, kind: def.type, schema });
  }
  return out;
}

/** A string leaf is "fenced" if a pattern or a fixed format constrains it, not just a length. */
function isFencedString(schema: $ZodType): boolean {
  const def = defOf(schema);
  if (def.format) return true;
  return (def.checks ?? []).some((check) => check._zod.def.check === 'string_format');
}

describe('the content-script protocol has no room for free text', () => {
  const contentLeaves = leaves(ContentRequestSchema);

  it('is made only of literals, enums and fenced strings (no unknown, record, catch-all or number)', () => {
    const kinds = new Set(contentLeaves.map((leaf) => leaf.kind));
    expect([...kinds].sort()).toEqual(['enum', 'literal', 'string']);
    const unfenced = contentLeaves.filter((leaf) => leaf.kind === 'string' && !isFencedString(leaf.schema)).map((leaf) => leaf.path);
    expect(unfenced).toEqual([]);
  });

  it('refuses, in every string field, a value with a space or a sentence in it', () => {
    const tally = new FuzzTally('free text in each content-script field');
    const stringPaths = contentLeaves.filter((leaf) => leaf.kind === 'string').map((leaf) => leaf.path.replace(/^\.event\./, ''));
    expect(stringPaths.length).toBeGreaterThanOrEqual(8);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    fc.assert(
      fc.property(
        fc.constantFrom(...stringPaths),
        fc.tuple(fc.string({ maxLength: 40 }), fc.constantFrom(' ', '\n', '\t', '\u00a0', ' told me '), fc.string({ maxLength: 40 })),
        (field, [before, gap, after]) => {
          const event = { ...validEvent, [field]: `${before}${gap}${after}` };
          tally.run(
            () => parseMessage(ContentRequestSchema, { type: 'log-event', event }, 'fuzz'),
            (parsed) => {
              expect(parsed, `${field} took free text`).toBeUndefined();
              return 'refused';
            },
          );
        },
      ),
      { numRuns: 600 },
    );
    tally.print();
    expect(tally.accountedFor).toBe(true);
  });
});

// ── every parser, arbitrary input ───────────────────────────────────────────
/** Whatever schema type parseMessage takes (classic or Mini Zod): the test follows the protocol. */
type ProtocolSchema = Parameters<typeof parseMessage>[0];
const parsers: Array<{ name: string; schema: ProtocolSchema; valid: unknown[] }> = [
  { name: 'content requests', schema: ContentRequestSchema, valid: validContent },
  { name: 'options requests', schema: OptionsRequestSchema, valid: [{ type: 'get-status' }, { type: 'clear-log' }, { type: 'get-log-problems' }] },
  { name: 'tab messages', schema: TabMessageSchema, valid: [{ type: 'toggle-sidebar' }, { type: 'open-sidebar' }] },
];

/** A value that must never be echoed into a console warning. */
const secret = 'Zqx0secret0Sentinel';
const anyMessage = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true }),
  fc.record({ type: fc.oneof(fc.string(), fc.constantFrom('get-state', 'log-event', 'state-changed', 'clear-log', 'toggle-sidebar')) }, { requiredKeys: [] }),
);

describe('message parsers under fuzzing', () => {
  let warn: MockInstance<typeof console.warn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  for (const { name, schema, valid } of parsers) {
    const tally = new FuzzTally(`${name} parser`);
    afterAll(() => {
      tally.print();
      expect(tally.accountedFor).toBe(true);
    });

    const parse = (raw: unknown) =>
      tally.run(
        () => parseMessage(schema, raw, 'fuzz'),
        (parsed) => (parsed === undefined ? 'refused' : 'accepted'),
      );

    it(`${name}: arbitrary values are accepted or refused, never thrown on`, () => {
      fc.assert(
        fc.property(anyMessage, (raw) => {
          const before = warn.mock.calls.length;
          const parsed = parse(raw);
          if (parsed === undefined) expect(warn.mock.calls.length).toBe(before + 1);
        }),
        { numRuns: 800 },
      );
    }, 60_000);

    it(`${name}: a valid message with one field changed or added; no value sent is echoed in the warning`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...valid),
          fc.constantFrom('type', 'event', 'state', 'settings', 'kind', 'note', 'text'),
          fc.oneof(fc.constant(secret), fc.constant({ note: secret }), fc.constant([secret]), fc.jsonValue()),
          (message, key, value) => {
            parse({ ...(message as object), [key]: value });
            for (const call of warn.mock.calls) expect(String(call.join(' '))).not.toContain(secret);
          },
        ),
        { numRuns: 400 },
      );
    }, 60_000);
  }

  it('messages with a null prototype, a getter or a __proto__ key neither throw nor pollute', () => {
    const trap = Object.create(null) as Record<string, unknown>;
    Object.defineProperty(trap, 'type', { enumerable: true, get: () => 'get-state' });
    // Real messages arrive structured-cloned (getters already turned into values); parsing our own
    // objects must still not throw.
    expect(() => parseMessage(ContentRequestSchema, trap, 'fuzz')).not.toThrow();
    expect(parseMessage(ContentRequestSchema, JSON.parse('{"type":"get-state","__proto__":{"polluted":true}}'), 'fuzz')).toBeUndefined();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
