import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import type { MountSpec } from './ui-mount.tsx';
import type { RuleHit } from '../../rules/evaluate.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
let bundled: Promise<{ script: string; css: string }> | undefined;

/** The UI components and their CSS, bundled once per test worker. */
function bundle(): Promise<{ script: string; css: string }> {
  bundled ??= (async () => {
    const result = await build({
      entryPoints: [`${root}test/e2e/ui-mount.tsx`],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      write: false,
      jsx: 'automatic',
      jsxImportSource: 'preact',
      logLevel: 'silent',
    });
    const script = result.outputFiles[0]?.text;
    if (!script) throw new Error('esbuild produced no bundle for ui-mount.tsx');
    return { script, css: await readFile(`${root}components/case-note-ui.css`, 'utf8') };
  })();
  return bundled;
}

/**
 * Opens a plain page (optionally with hostile page CSS) and mounts the worker's UI in an open
 * shadow root. Returns a locator root for it.
 */
export async function mountUi(page: Page, spec: Omit<MountSpec, 'css'>, pageHtml = '<main><h1>Case system</h1></main>'): Promise<void> {
  const { script, css } = await bundle();
  await page.setContent(`<!doctype html><html lang="en-GB"><head><title>UI test</title></head><body>${pageHtml}</body></html>`);
  await page.addScriptTag({ content: script });
  await page.evaluate((s) => window.mountUi(s), { ...spec, css });
}

const source = { id: 'ico-10-step', title: 'A 10 step guide to sharing information to safeguard children', publisher: 'ICO', url: 'https://ico.org.uk/for-organisations/advice-for-small-organisations/a-10-step-guide-to-sharing-information-to-safeguard-children/', locator: 'Step 1' };

/** Prompts as the rule engine gives them, including the hostile inputs the issue names. */
export function samplePrompts(): RuleHit[] {
  return [
    {
      ruleId: 'info-hint',
      concern: 'disclosure',
      severity: 'info',
      cards: [{ id: 'listen', summary: 'Listen, record the child\u2019s own words.', detail: 'Write what was said.', sources: [source], links: [], contactCategories: [], responses: ['already-known', 'not-relevant'] }],
    },
    {
      ruleId: 'physical-abuse-disclosure',
      concern: 'physical-abuse',
      severity: 'critical',
      cards: [
        {
          id: 'share-now',
          summary: '<img src=x onerror="window.pwned=1">A child disclosed being hurt: share with children\u2019s social care today',
          detail: `<script>window.pwned=1</script>${'Sharing information to protect a child is lawful. '.repeat(100)}`.slice(0, 5000),
          cy: { summary: 'Datgelodd plentyn ei fod wedi cael ei frifo: rhannwch heddiw' },
          sources: [source],
          links: [{ title: 'Working Together to Safeguard Children', url: 'https://www.gov.uk/government/publications/working-together-to-safeguard-children--2' }],
          contactCategories: ['mash'],
          responses: ['shared', 'will-share', 'seeking-advice', 'emergency-services'],
        },
      ],
    },
    {
      ruleId: 'consent-refused',
      concern: 'consent-refused',
      severity: 'warning',
      cards: [{ id: 'no-consent-needed', summary: 'You do not need consent to share when a child is at risk.', detail: 'Consent is not the lawful basis here.', sources: [source], links: [], contactCategories: [], responses: ['shared', 'will-share'] }],
    },
  ];
}

export const sampleContacts = [{ category: 'mash', name: 'Demo MASH duty desk', phone: '0300 000 0000', email: 'mash@example.org', lastVerified: '2026-10-01' }];
