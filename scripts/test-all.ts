/**
 * `npm test`: every test, in order of cost, stopping at the first failing step: typecheck, unit
 * tests, the rule pack check, the Chrome test build and its browser tests, the Firefox build, the
 * Firefox smoke tests in firefox-esr, and `web-ext lint`.
 */
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { outputDir, projectRoot } from './extension-dir.ts';

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
}

const steps: Step[] = [
  { name: 'typecheck', command: ['npx', 'tsc', '--noEmit'] },
  { name: 'unit tests', command: ['npx', 'vitest', 'run'] },
  { name: 'rule pack check', command: ['npx', 'tsx', 'rules/cli.ts', 'check'] },
  { name: 'Chrome release build', command: ['npx', 'wxt', 'build'] },
  { name: 'Chrome test build', command: ['npx', 'wxt', 'build', '--mode', 'test'] },
  { name: 'browser tests (Chromium)', command: ['npx', 'playwright', 'test'], env: { STP_SKIP_BUILD: '1' } },
  { name: 'Firefox build', command: ['npx', 'wxt', 'build', '-b', 'firefox', '--mv3'] },
  // Builds the Firefox test build, then drives firefox-esr over WebDriver BiDi (test/firefox/run.ts).
  { name: 'Firefox smoke tests (firefox-esr)', command: ['npx', 'tsx', 'test/firefox/run.ts', '--build'] },
  { name: 'Firefox lint (web-ext)', command: ['npx', 'web-ext', 'lint', '--source-dir', `${relative(projectRoot, outputDir)}/firefox-mv3`, '--self-hosted', '--warnings-as-errors=false'] },
];

const started = Date.now();
for (const step of steps) {
  const stepStart = Date.now();
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const [cmd, ...args] = step.command;
  if (!cmd) continue;
  const result = spawnSync(cmd, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...step.env } });
  const seconds = ((Date.now() - stepStart) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${step.name} failed after ${seconds} s (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${step.name} (${seconds} s)`);
}
console.log(`\nAll tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
