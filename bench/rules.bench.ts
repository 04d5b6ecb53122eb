import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { compilePack } from '../rules/compile.ts';
import { createNoteEvaluator, evaluateNote } from '../rules/evaluate.ts';
import { parseRulePack } from '../rules/load.ts';
import { bundledPackPath } from '../rules/bundled.ts';

/**
 * Rule engine figures for issue #3, item 7: compiling the default pack; evaluating notes of
 * 3,000, 30,000 and 300,000 characters (target: median <= 1 ms at 30,000, growing linearly); and
 * re-evaluating after a one-character edit in a 30,000-character note (target <= 0.2 ms); and
 * pathological notes (1 MB, emoji, right-to-left, one huge word, many line breaks), which must
 * stay bounded.
 * Notes are built from corpus sentences, each made unique with a number so that no cache helps
 * the cold figures. Only timings are printed, never note text.
 */

const corpusUrls = [new URL('../../shared/corpus/notes-dev.jsonl', import.meta.url), new URL('../test/corpus/notes-own.jsonl', import.meta.url)];

function corpusTexts(): string[] {
  const texts: string[] = [];
  for (const url of corpusUrls) {
    let raw: string;
    try {
      raw = readFileSync(url, 'utf8');
    } catch (error) {
      console.warn(`rules bench: skipping ${url.pathname} (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    for (const line of raw.split(/\r?\n/)) if (line.trim() !== '') texts.push((JSON.parse(line) as { text: string }).text);
  }
  if (texts.length === 0) throw new Error('rules bench: no corpus found; expected ../shared/corpus/notes-dev.jsonl beside the repository');
  return texts;
}

function buildNote(texts: readonly string[], chars: number, salt: string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const paragraph = `${texts[i % texts.length] ?? ''} (${salt}${i})`;
    parts.push(paragraph);
    length += paragraph.length + 2;
  }
  return parts.join('\n\n').slice(0, chars);
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function runs(count: number, run: (i: number) => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(time(() => run(i)));
  return samples;
}

const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

export default async function benchRules(): Promise<void> {
  const packText = readFileSync(bundledPackPath, 'utf8');
  const parsed = parseRulePack(packText);
  if (!parsed.ok) throw new Error(`rules bench: bundled pack is invalid (${parsed.problems.length} problems); run npm run rules -- check`);
  const pack = parsed.pack;
  const texts = corpusTexts();

  const parseMs = median(runs(20, () => parseRulePack(packText)));
  const compileMs = median(runs(50, () => compilePack(pack)));
  // The first note a tab reads after the pack arrives also fills the per-word memo.
  const firstMs = median(runs(10, (i) => evaluateNote(compilePack(pack), buildNote(texts, 30_000, `f${i}-`))));
  const compiled = compilePack(pack);

  // Warm up the JIT and the word memo on text that is not measured.
  for (let i = 0; i < 30; i++) evaluateNote(compiled, buildNote(texts, 30_000, `w${i}-`));

  const sizes = [3_000, 30_000, 300_000] as const;
  const cold: { chars: number; ms: number }[] = [];
  for (const chars of sizes) {
    const count = chars >= 300_000 ? 15 : 60;
    const notes = Array.from({ length: count }, (_, i) => buildNote(texts, chars, `s${chars}-${i}-`));
    cold.push({ chars, ms: median(runs(count, (i) => evaluateNote(compiled, notes[i] as string))) });
  }

  // Incremental: type one character at a time into the middle of a 30,000-character note.
  const base = buildNote(texts, 30_000, 'edit-');
  const evaluator = createNoteEvaluator(compiled);
  evaluator.evaluate(base);
  const middle = Math.floor(base.length / 2);
  let current = base;
  const editSamples = runs(300, (i) => {
    const at = middle + (i % 50);
    current = `${current.slice(0, at)}${i % 2 === 0 ? 'x' : ''}${current.slice(at + (i % 2 === 0 ? 0 : 1))}`;
    evaluator.evaluate(current);
  });

  // Pathological notes: each must stay bounded (roughly linear in length, no blow-up).
  const megabyte = 1_000_000;
  const pathological: [string, string][] = [
    ['1 MB note of corpus text', buildNote(texts, megabyte, 'mb-')],
    ['1 MB of emoji', '😀👨‍👩‍👧 🙂 '.repeat(megabyte / 12)],
    ['1 MB of right-to-left text', '\u202eقال إنه ضربها עברית \u202c'.repeat(megabyte / 28)],
    ['one 1 MB word', 'a'.repeat(megabyte)],
    ['100,000 newlines', `${'hit\n'.repeat(100_000)}`],
    ['100,000 blank lines', '\n\n'.repeat(100_000)],
  ];
  const bounded = pathological.map(([label, text]) => ({ label, chars: text.length, ms: median(runs(3, () => evaluateNote(compiled, text))) }));

  const perThousand = (ms: number, chars: number): string => fmt((ms / chars) * 1000);
  console.log('rules: default pack');
  console.log(`  parse + validate pack     ${fmt(parseMs)}`);
  console.log(`  compile pack              ${fmt(compileMs)}`);
  console.log(`  compile + first 30,000-char note (empty word memo)  ${fmt(firstMs)}`);
  for (const { chars, ms } of cold) {
    const target = chars === 30_000 ? '  (target ≤ 1 ms)' : '';
    console.log(`  evaluate ${String(chars).padStart(7)} chars     ${fmt(ms).padStart(9)}  (${perThousand(ms, chars)} per 1,000 chars)${target}`);
  }
  console.log(`  one-character edit, 30,000 chars (incremental)  ${fmt(median(editSamples))}  (target ≤ 0.2 ms)`);
  for (const { label, chars, ms } of bounded) console.log(`  ${label.padEnd(28)} ${fmt(ms).padStart(9)}  (${perThousand(ms, chars)} per 1,000 chars)`);
  console.log(`  load average during run: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

// Run directly with: npx tsx bench/rules.bench.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  await benchRules();
}
