import { execFileSync } from 'node:child_process';
import { projectRoot } from '../../scripts/extension-dir.ts';

/**
 * Builds the Chrome release and test extensions once for the whole run, so tests never load a
 * stale build (the release build is inspected, the test build is loaded).
 */
export default function globalSetup(): void {
  if (process.env.STP_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build'], { cwd: projectRoot, stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '--mode', 'test'], { cwd: projectRoot, stdio: 'inherit' });
}
