import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { bundledPackPath } from './bundled.ts';
import { canonicalJson } from './canonical.ts';
import { compilePack } from './compile.ts';
import { evaluateNote } from './evaluate.ts';
import { runExamples } from './examples.ts';
import type { PackProblem } from './load.ts';
import { parseRulePack } from './load.ts';
import type { RulePack } from './schema.ts';
import { trainModel, trainStackedModel, type LabelledNote } from './train.ts';

/**
 * npm run rules -- check [pack.json]             validate a pack and run its examples
 * npm run --silent rules -- eval NOTES.jsonl [--pack pack.json]
 *                                               one JSON line per note: id, concerns, rules
 * npm run rules -- format [pack.json]            rewrite a valid pack as canonical JSON
 * npm run rules -- train [--pack pack.json] NOTES.jsonl... [--stack NOTES.jsonl...]
 *                                               learn the pack's word model from labelled notes;
 *                                               with --stack, also how far to trust each concern's
 *                                               phrases, from notes the phrases were never tuned on
 * Exit codes: 0 ok, 1 problems found, 2 usage error. Note text is never printed.
 */

const USAGE =
  'usage: rules check [pack.json] | rules eval NOTES.jsonl [--pack pack.json] | rules format [pack.json] | rules train [--pack pack.json] NOTES.jsonl... [--stack NOTES.jsonl...]';

class UsageError extends Error {}

function readText(path: string): string {
  try {
    // Editors on Windows often save UTF-8 with a byte-order mark, which JSON.parse refuses.
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function printProblems(file: string, problems: readonly PackProblem[]): void {
  for (const p of problems) process.stderr.write(`${file}: ${p.path === '' ? '(root)' : p.path}: ${p.message}\n`);
  process.stderr.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}\n`);
}

function loadOrReport(path: string): RulePack | undefined {
  const result = parseRulePack(readText(path));
  if (result.ok) return result.pack;
  printProblems(path, result.problems);
  return undefined;
}

function check(args: string[]): number {
  if (args.length > 1) throw new UsageError(USAGE);
  const path = args[0] ?? bundledPackPath;
  const pack = loadOrReport(path);
  if (pack === undefined) return 1;
  const problems = runExamples(pack);
  if (problems.length > 0) {
    printProblems(path, problems);
    return 1;
  }
  const examples = [...pack.rules, ...pack.combinations].reduce((n, r) => n + r.examples.match.length + r.examples.noMatch.length, 0);
  process.stderr.write(`${path}: ok (${pack.rules.length} rules, ${pack.combinations.length} combinations, ${examples} examples passed)\n`);
  return 0;
}

/** `[--pack pack.json] FILE...` (in any order): the pack (the bundled one by default) and the files. */
function packAndFiles(args: string[]): { packPath: string; files: string[] } {
  let packPath = bundledPackPath;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--pack') {
      const next = args[++i];
      if (next === undefined) throw new UsageError('--pack needs a file');
      packPath = next;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    } else {
      files.push(arg);
    }
  }
  return { packPath, files };
}

function evalNotes(args: string[]): number {
  const { packPath, files } = packAndFiles(args);
  if (files.length !== 1) throw new UsageError(USAGE);
  const pack = loadOrReport(packPath);
  if (pack === undefined) return 1;
  const compiled = compilePack(pack);
  const lines = readText(files[0] as string).split(/\r?\n/);
  let bad = 0;
  const out: string[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let note: unknown;
    try {
      note = JSON.parse(line) as unknown;
    } catch (error) {
      bad++;
      process.stderr.write(`line ${index + 1}: not JSON (${error instanceof Error ? error.message : String(error)})\n`);
      return;
    }
    if (typeof note !== 'object' || note === null || typeof (note as { text?: unknown }).text !== 'string' || !('id' in note)) {
      bad++;
      process.stderr.write(`line ${index + 1}: expected {"id": ..., "text": "..."}\n`);
      return;
    }
    const { id, text } = note as { id: unknown; text: string };
    const evaluation = evaluateNote(compiled, text);
    out.push(JSON.stringify({ id, concerns: evaluation.concerns, rules: evaluation.hits.map((h) => h.ruleId) }));
  });
  if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
  return bad > 0 ? 1 : 0;
}

function format(args: string[]): number {
  if (args.length > 1) throw new UsageError(USAGE);
  const path = args[0] ?? bundledPackPath;
  const raw = readText(path);
  const pack = loadOrReport(path);
  if (pack === undefined) return 1;
  // Format what was written (not the Zod output) so that nothing is added or dropped.
  writeFileSync(path, canonicalJson(JSON.parse(raw)));
  process.stderr.write(`${path}: formatted\n`);
  return 0;
}

function train(args: string[]): number {
  const split = args.indexOf('--stack');
  const { packPath, files } = packAndFiles(split < 0 ? args : args.slice(0, split));
  const stackFiles = split < 0 ? [] : args.slice(split + 1);
  if (stackFiles.some((file) => file.startsWith('--'))) throw new UsageError(`--stack must come last\n${USAGE}`);
  if (files.length + stackFiles.length === 0 || (split >= 0 && stackFiles.length === 0)) throw new UsageError(USAGE);
  const pack = loadOrReport(packPath);
  if (pack === undefined) return 1;
  const corpora = [...files, ...stackFiles].map((file) => ({ name: file, notes: readLabelled(file) }));
  const description =
    `Learned by npm run rules -- train from ${corpora.reduce((n, c) => n + c.notes.length, 0)} labelled notes: ` +
    corpora.map((c) => `${basename(c.name)} (${c.notes.length})`).join(', ') +
    (stackFiles.length === 0 ? '' : `; phrases weighed against it on ${stackFiles.map((file) => basename(file)).join(', ')}`);
  const model =
    stackFiles.length === 0
      ? trainModel(pack, corpora.flatMap((c) => c.notes), description)
      : trainStackedModel(pack, corpora, new Set(stackFiles), description);
  const raw = JSON.parse(readText(packPath)) as Record<string, unknown>;
  const next = canonicalJson({ ...raw, model });
  const checked = parseRulePack(next);
  if (!checked.ok) {
    printProblems(packPath, checked.problems);
    return 1;
  }
  writeFileSync(packPath, next);
  const weights = Object.values(model.concerns).reduce((n, c) => n + Object.keys(c?.weights ?? {}).length, 0);
  process.stderr.write(`${packPath}: model learned from ${description.slice(description.indexOf(': ') + 2)}; ${weights} weights kept\n`);
  return 0;
}

/** Labelled notes ({"text": ..., "concerns": [...]}, one per line); ids are not needed here. */
function readLabelled(file: string): LabelledNote[] {
  const notes: LabelledNote[] = [];
  readText(file)
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const note = JSON.parse(line) as { text?: unknown; concerns?: unknown };
      if (typeof note.text !== 'string' || !Array.isArray(note.concerns) || !note.concerns.every((c) => typeof c === 'string')) {
        throw new UsageError(`${file} line ${index + 1}: expected {"text": "...", "concerns": [...]}`);
      }
      notes.push({ text: note.text, concerns: note.concerns as string[] });
    });
  return notes;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return check(rest);
      case 'eval':
        return evalNotes(rest);
      case 'format':
        return format(rest);
      case 'train':
        return train(rest);
      default:
        throw new UsageError(USAGE);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
