import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/extension-dir.ts';

/**
 * Real Chromium policy for the test build (pinned id, see wxt.config.ts). The file affects every
 * Chromium on this machine, including other engineers' test runs, so it has one fixed name and
 * exists only while a policy test runs: tests remove it before and after themselves.
 */
export const policyDir = '/etc/chromium/policies/managed';
export const policyFile = join(policyDir, 'share-to-protect-test.json');

export function writePolicy(extensionId: string, settings: Record<string, unknown>): void {
  mkdirSync(policyDir, { recursive: true });
  // Chromium reads every file in the folder and waits for a file to settle before loading it, so
  // a direct write is safe (a temporary file beside it would be read as policy too).
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: settings } } }));
}

export function removePolicy(): void {
  rmSync(policyFile, { force: true });
}

/** The test build's extension id, pinned by the manifest key (checked against the harness in the specs). */
export const pinnedExtensionId = 'klibfkegehlacidlllnomllpckgkflpe';

export const pushedRuleId = 'policy-pushed-marker';
export const pushedMarkerText = 'We practised the zebra crossing drill in the yard today';

/** The bundled pack plus one rule only a policy push brings, with its own version. */
export function pushedPack(): string {
  const pack = JSON.parse(readFileSync(join(projectRoot, 'rules/packs/uk-default.json'), 'utf8')) as {
    id: string;
    version: string;
    rules: Array<{ cards: Array<Record<string, unknown>> } & Record<string, unknown>>;
  };
  const card = pack.rules[0]?.cards[0];
  if (!card) throw new Error('The bundled pack has no rule with a card to copy');
  pack.id = 'policy-test-pack';
  pack.version = '9.9.9-policy-test';
  pack.rules.push({
    id: pushedRuleId,
    concern: 'neglect',
    severity: 'warning',
    triggers: [{ phrases: ['zebra crossing drill'] }],
    cards: [{ ...card, id: 'policy-pushed-marker-card', summary: 'Pushed by the policy test.' }],
    examples: { match: ['the zebra crossing drill'], noMatch: ['a zebra at the zoo'] },
  });
  return JSON.stringify(pack);
}
