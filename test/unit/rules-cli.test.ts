import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packFileUrl } from './rules-helpers.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'rules/cli.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'rules-cli-'));

describe('npm run rules', { timeout: 60_000 }, () => {
  it('check: accepts the bundled pack and runs its examples', () => {
    const result = cli('check');
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/ok \(\d+ rules/);
  });

  it('check: lists every problem with its JSON path and exits 1', () => {
    const pack = JSON.parse(readFileSync(packFileUrl, 'utf8')) as { rules: { concern: string; triggers: unknown[]; examples: { match: string[] } }[] };
    (pack.rules[0] as { concern: string }).concern = 'bullying';
    (pack.rules[1] as { triggers: unknown[] }).triggers = [{ pattern: '(a+)+$' }];
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(pack));
    const result = cli('check', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('rules[0].concern');
    expect(result.stderr).toContain('rules[1].triggers[0].pattern');
  });

  it('check: reports a failing example by path', () => {
    const pack = JSON.parse(readFileSync(packFileUrl, 'utf8')) as { rules: { examples: { match: string[] } }[] };
    pack.rules[0]?.examples.match.push('A completely ordinary sentence about lunch.');
    const file = join(dir, 'example.json');
    writeFileSync(file, JSON.stringify(pack));
    const result = cli('check', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/rules\[0\]\.examples\.match\[\d+\]/);
  });

  it('check: refuses text that is not JSON', () => {
    const file = join(dir, 'not.json');
    writeFileSync(file, '{ nope');
    expect(cli('check', file).status).toBe(1);
  });

  it('usage errors exit 2', () => {
    expect(cli().status).toBe(2);
    expect(cli('frobnicate').status).toBe(2);
    expect(cli('eval').status).toBe(2);
    expect(cli('check', join(dir, 'missing.json')).status).toBe(2);
  });

  it('eval: prints exactly one JSON line per note and nothing else on stdout', () => {
    const notes = join(dir, 'notes.jsonl');
    writeFileSync(
      notes,
      [
        JSON.stringify({ id: 'a', text: 'Poppy (9) said Mum hit her with a wooden spoon.' }),
        JSON.stringify({ id: 2, text: '' }),
        JSON.stringify({ id: 'c', text: 'Consent forms for the Y6 residential all returned.' }),
      ].join('\n'),
    );
    const result = cli('eval', notes, '--pack', fileURLToPath(packFileUrl));
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: unknown; concerns: string[]; rules: string[] });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ id: 'a', concerns: ['disclosure', 'physical-abuse'], rules: expect.arrayContaining(['physical-abuse', 'disclosure']) });
    expect(lines[1]).toEqual({ id: 2, concerns: [], rules: [] });
    expect(lines[2]).toEqual({ id: 'c', concerns: [], rules: [] });
    expect(result.stdout).not.toContain('Poppy');
  });

  it('eval: reads Windows-saved files (byte-order mark, CRLF line ends, blank lines)', () => {
    const notes = join(dir, 'notes-windows.jsonl');
    const body = [JSON.stringify({ id: 'w1', text: 'Poppy (9) said Mum hit her with a wooden spoon.' }), '', JSON.stringify({ id: 'w2', text: 'Library books returned.' })];
    writeFileSync(notes, `\uFEFF${body.join('\r\n')}\r\n`);
    const result = cli('eval', notes, '--pack', fileURLToPath(packFileUrl));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const ids = result.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(['w1', 'w2']);
  });

  it('train: learns the word model into the given pack, printing counts and never note text', () => {
    const pack = join(dir, 'train-pack.json');
    const { model: _model, ...withoutModel } = JSON.parse(readFileSync(packFileUrl, 'utf8')) as Record<string, unknown>;
    writeFileSync(pack, JSON.stringify(withoutModel));
    const notes = join(dir, 'train-notes.jsonl');
    const lines = [
      { text: 'Poppy said Mum hit her with a wooden spoon.', concerns: ['physical-abuse', 'disclosure'] },
      { text: 'Dad hit him with a belt.', concerns: ['physical-abuse'] },
      { text: 'Library books returned.', concerns: [] },
    ];
    writeFileSync(notes, lines.map((l) => JSON.stringify(l)).join('\n'));
    const result = cli('train', '--pack', pack, notes);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('train-notes.jsonl (3)');
    expect(`${result.stdout}${result.stderr}`).not.toContain('Poppy');
    const written = JSON.parse(readFileSync(pack, 'utf8')) as { model?: { kind: string; description: string } };
    expect(written.model?.kind).toBe('linear-words-v1');
    expect(cli('check', pack).status).toBe(0);
  });
});
