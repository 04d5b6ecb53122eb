/**
 * Fuzzing the rule pack parser (issue #8.3): random JSON, random text, the bundled pack with one
 * value anywhere replaced or removed, and hostile regular expressions. Every input is refused
 * with reasons or accepted; nothing throws or hangs; a pattern the safety check lets through
 * runs in bounded time on text built to make bad patterns backtrack.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledPackPath } from '../../rules/bundled.ts';
import { compilePack } from '../../rules/compile.ts';
import { createNoteEvaluator } from '../../rules/evaluate.ts';
import { parseRulePack } from '../../rules/load.ts';
import { FuzzTally, reasonsAreClear } from './fuzz-support.ts';

const packText = readFileSync(bundledPackPath, 'utf8');
const pack = JSON.parse(packText) as Record<string, unknown>;
const tally = new FuzzTally('rule pack parser');
afterAll(() => {
  tally.print();
  expect(tally.accountedFor).toBe(true);
});

function parse(input: unknown) {
  return tally.run(
    () => parseRulePack(input),
    (result) => {
      if (!result.ok) expect(reasonsAreClear(result.problems), JSON.stringify(result.problems).slice(0, 300)).toBe(true);
      return result.ok ? 'accepted' : 'refused';
    },
  );
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path (as keys) in a JSON value, so a mutation can land anywhere in the pack. */
function pathsOf(value: Json, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...prefix, index], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  return out;
}

function withValueAt(root: Json, path: ReadonlyArray<string | number>, replacement: Json | undefined): Json {
  const copy = structuredClone(root);
  if (path.length === 0) return replacement ?? null;
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key] as Json;
  const last = path[path.length - 1] as string | number;
  const container = parent as Record<string | number, Json>;
  if (replacement === undefined) {
    if (Array.isArray(container) && typeof last === 'number') container.splice(last, 1);
    else delete container[last];
  } else container[last] = replacement;
  return copy;
}

const packPaths = pathsOf(pack as Json);

/** Patterns known to backtrack catastrophically, and some that only look alarming. */
const hostilePatterns = ['(a+)+$', '(a|a)*b', '(.*)*x', '([a-z]+)*$', '(\\w+\\s?)+$', '(a|aa)+$', '((ab)*)+c', '(x+x+)+y', '^(\\d+)*$', '(.+)+\\1', 'a{1,30}{1,30}'];
const patternAlphabet = fc.constantFrom('a', 'b', '(', ')', '+', '*', '?', '|', '.', '\\w', '\\s', '{2,}', '[a-z]', '^', '$', '\\1', '(?:', '(?=');

function packWithPattern(pattern: string): Json {
  const copy = structuredClone(pack) as { rules: Array<{ triggers: Array<Record<string, unknown>> }> };
  const trigger = copy.rules[0]?.triggers[0];
  if (!trigger) throw new Error('the bundled pack has no first trigger to fuzz');
  trigger.pattern = pattern;
  return copy as unknown as Json;
}

/** Text shaped to make a backtracking pattern explode, as a worker's paste might by accident. */
const adversarialText = ['a'.repeat(3_000) + '!', 'ab'.repeat(2_000) + 'd', 'x'.repeat(3_000), '1'.repeat(3_000) + 'z', 'word '.repeat(1_000) + '!'];

// Fuzzing runs hundreds of whole-pack parses: minutes on a loaded two-core machine, not 5 s.
const fuzzTimeoutMs = 240_000;
// The first parse builds Zod's internals and warms the JIT; timing it would blame the input.
parseRulePack(packText);

describe('rule pack parser under fuzzing', () => {
  it('the bundled pack itself is accepted (the baseline the mutations start from)', () => {
    expect(parse(packText).ok).toBe(true);
  }, fuzzTimeoutMs);

  it('refuses arbitrary JSON values with reasons, never throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        parse(value);
      }),
      { numRuns: 400 },
    );
  }, fuzzTimeoutMs);

  it('refuses arbitrary text (not JSON, or JSON of the wrong shape) with reasons', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.json()), (text) => {
        const result = parse(text);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 400 },
    );
  }, fuzzTimeoutMs);

  it('takes one value anywhere in the bundled pack replaced or removed without a crash', () => {
    fc.assert(
      fc.property(fc.nat({ max: packPaths.length - 1 }), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }), (index, replacement) => {
        const path = packPaths[index] ?? [];
        parse(withValueAt(pack as Json, path, replacement as Json | undefined));
      }),
      { numRuns: 300 },
    );
  }, fuzzTimeoutMs);

  it('refuses every known catastrophic pattern', () => {
    for (const pattern of hostilePatterns) {
      const result = parse(packWithPattern(pattern));
      expect(result.ok, `accepted ${pattern}`).toBe(false);
      if (!result.ok) expect(result.problems.some((p) => /pattern/i.test(p.path + p.message)), pattern).toBe(true);
    }
  }, fuzzTimeoutMs);

  it('runs any pattern it accepts in bounded time on text built to make patterns backtrack', () => {
    fc.assert(
      fc.property(fc.array(patternAlphabet, { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')), (pattern) => {
        const result = parse(packWithPattern(pattern));
        if (!result.ok) return;
        const evaluator = createNoteEvaluator(compilePack(result.pack));
        for (const text of adversarialText) {
          tally.run(
            () => evaluator.evaluate(text),
            () => 'accepted',
          );
        }
      }),
      { numRuns: 150 },
    );
  }, fuzzTimeoutMs);

  it('refuses values JSON cannot hold, oversized packs and nesting deep enough to blow a stack', () => {
    const circular: Record<string, unknown> = { id: 'x' };
    circular.self = circular;
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const inputs: unknown[] = [
      circular,
      { id: 1n },
      deep,
      '['.repeat(200_000) + ']'.repeat(200_000),
      ' '.repeat(3 * 1024 * 1024),
      { ...pack, rules: Array.from({ length: 3_000 }, () => (pack.rules as unknown[])[0]) },
      undefined,
      Symbol('pack'),
      () => pack,
    ];
    for (const input of inputs) expect(parse(input).ok).toBe(false);
  }, fuzzTimeoutMs);
});
