/**
 * The schemas are built with Zod Mini to keep the content script small (issue #4), and Mini has
 * no messages of its own: without `validation/zod.ts` every problem an administrator sees would
 * read "Invalid input". This file imports no Zod itself, so the English it checks can only come
 * from that module; and no source file may bypass it by importing Zod directly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PromptEventSchema } from '../../log/event.ts';
import { ContentRequestSchema } from '../../messaging/protocol.ts';
import { readManagedPolicy } from '../../policy/read-managed.ts';
import { parseRulePack } from '../../rules/load.ts';
import packJson from '../../rules/packs/uk-default.json';

const root = join(import.meta.dirname, '../..');

describe('validation messages stay readable with Zod Mini', () => {
  it('names the problem in a policy value, as the options page lists it', () => {
    const { problems } = readManagedPolicy({
      jurisdiction: 'france',
      logRetentionDays: 1.5,
      maxPromptsPerNote: 51,
      contacts: [{ category: 'lado', name: '', email: 'nope' }],
      sites: [{ matches: ['https://a.example/*'], extra: 1 }],
    });
    expect(problems).toEqual([
      { path: 'jurisdiction', message: 'Invalid option: expected one of "england"|"wales"|"scotland"|"northern-ireland"' },
      { path: 'logRetentionDays', message: 'Invalid input: expected int, received number' },
      { path: 'maxPromptsPerNote', message: 'Too big: expected number to be <=50' },
      { path: 'contacts[0].name', message: 'Too small: expected string to have >=1 characters' },
      { path: 'contacts[0].email', message: 'Invalid email address' },
      { path: 'sites[0]', message: 'Unrecognized key: "extra"' },
    ]);
  });

  it('names the problem in a rule pack, keeping the pack’s own wording where it has one', () => {
    // Without its rules the pack's word model would also be refused (it names them); see rules-model.test.ts.
    const { model: _model, ...withoutModel } = packJson as Record<string, unknown>;
    const result = parseRulePack({ ...withoutModel, name: 'x'.repeat(201), version: 'v1', effectiveDate: '1/5/2026', rules: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: 'name', message: 'Too big: expected string to have <=200 characters' },
      { path: 'version', message: 'must be a semantic version' },
      { path: 'effectiveDate', message: 'Invalid ISO date' },
      { path: 'rules', message: 'Too small: expected array to have >=1 items' },
    ]);
  });

  it('names the problem in a refused message without echoing its content', () => {
    const parsed = ContentRequestSchema.safeParse({ type: 'log-event', event: { id: 'she told me' } });
    expect(parsed.success).toBe(false);
    const messages = parsed.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toContain('Invalid UUID');
    expect(messages.join(' ')).not.toContain('she told me');
    expect(PromptEventSchema.safeParse({}).error?.issues[0]?.message).toBe('Invalid input: expected string, received undefined');
  });
});

/** Project source files (tests, fixtures, build output and dependencies excepted). */
function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'test') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(entry.name)) out.push(relative(root, path));
  }
  return out;
}

describe('one Zod for the whole extension', () => {
  it('imports Zod only through validation/zod.ts, so Zod classic never reaches a bundle', () => {
    const direct = sourceFiles(root).filter(
      (file) => file !== join('validation', 'zod.ts') && /from\s+['"]zod(\/[^'"]*)?['"]/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(direct, 'import { z } from validation/zod.ts instead: Zod classic adds ~15 KB gzipped to every bundle').toEqual([]);
  });
});
