import { readFileSync } from 'node:fs';
import { ActiveStateHolder } from '../background/active-state.ts';
import { PolicyController } from '../background/policy-controller.ts';
import type { ActiveState } from '../messaging/protocol.ts';
import { readManagedPolicy } from '../policy/read-managed.ts';
import { defaultSettings } from '../policy/settings.ts';
import { bundledPackPath } from '../rules/bundled.ts';

/**
 * Managed policy figures (issue #7, "bad input"): checking a 5 MB policy (target: oversized values
 * refused by their size alone, one JSON.stringify each, under 100 ms); a real-size inline pack applied end to end; and a burst of 100 policy
 * changes (target: at most 2 state changes broadcast to tabs, the last value in force).
 */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(runs: number, fn: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export default async function policyBench(): Promise<void> {
  const huge = {
    rulePack: 'x'.repeat(5 * 1024 * 1024),
    disabledRules: Array.from({ length: 400_000 }, (_, i) => `rule-${i}`),
    jurisdiction: 'wales',
  };
  console.log(`5 MB policy checked (refused by size, rest applied): median ${time(9, () => readManagedPolicy(huge)).toFixed(1)} ms`);

  const packText = readFileSync(bundledPackPath, 'utf8');
  const bundled: ActiveState = {
    pack: {},
    packInfo: { id: 'floor', version: '0.0.0', effectiveDate: '2026-01-01', source: 'bundled' },
    settings: defaultSettings,
  };
  let managed: Record<string, unknown> = {};
  const local = new Map<string, unknown>();
  const state = new ActiveStateHolder(bundled);
  let broadcasts = 0;
  state.onChange(() => broadcasts++);
  const controller = new PolicyController({
    state,
    bundled,
    managed: { get: async () => managed },
    local: { get: async (key) => (local.has(key) ? { [key]: local.get(key) } : {}), set: async (items) => void Object.entries(items).forEach(([k, v]) => local.set(k, v)) },
    fetchOptions: { fetch: () => Promise.reject(new Error('offline')), timeoutMs: 1000, maxBytes: 2 * 1024 * 1024 },
    scheduleRefresh: async () => {},
    announceStatus: async () => {},
    coalesceMs: 0,
  });
  const packed = JSON.parse(packText) as Record<string, unknown>;
  managed = { rulePack: JSON.stringify({ ...packed, version: '9.0.0' }) };
  let start = performance.now();
  await controller.refresh();
  console.log(`inline pack of ${(packText.length / 1024).toFixed(0)} KB applied (hash, check, persist): ${(performance.now() - start).toFixed(1)} ms`);

  broadcasts = 0;
  start = performance.now();
  const runs: Promise<void>[] = [];
  for (let i = 1; i <= 100; i++) {
    managed = { ...managed, logRetentionDays: i };
    runs.push(controller.refresh());
  }
  await Promise.all(runs);
  console.log(
    `100 policy changes in a burst: ${broadcasts} state change(s) broadcast, logRetentionDays now ${state.current.settings.logRetentionDays}, ${(performance.now() - start).toFixed(1)} ms`,
  );
}
