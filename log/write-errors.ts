import Dexie from 'dexie';
import type { LogProblemKind } from './problems.ts';

/** Why a write to the log failed, in words a worker or their IT team can act on. */
export interface LogWriteFailure {
  kind: LogProblemKind;
  message: string;
}

function errorName(error: unknown): string {
  if (error instanceof Dexie.DexieError) return error.inner instanceof Error ? error.inner.name || error.name : error.name;
  return error instanceof Error ? error.name : '';
}

/**
 * Classifies a failed write. Dexie wraps IndexedDB's DOMExceptions, so both the wrapper's name
 * and the inner one are checked. The message names what to do, never what was being written.
 */
export function describeWriteFailure(error: unknown): LogWriteFailure {
  const names = [errorName(error), error instanceof Error ? error.name : ''];
  if (names.some((name) => /QuotaExceeded/i.test(name))) {
    return {
      kind: 'disk-full',
      message: 'The device is out of storage space, so prompts are not being logged. Free some disk space; prompts already logged are kept.',
    };
  }
  if (names.some((name) => /^(Open|OpenFailed|DatabaseClosed|InvalidState|Version|Upgrade|Unknown|Abort|MissingAPI|NotFound)(Error)?$/i.test(name))) {
    return {
      kind: 'database-unavailable',
      message: `The prompt log database could not be used (${names.find(Boolean) ?? 'unknown error'}). Restart the browser; if it persists, ask IT to check the browser profile. Nothing already logged has been deleted.`,
    };
  }
  return {
    kind: 'write-failed',
    message: `A prompt could not be logged (${names.find(Boolean) ?? 'unknown error'}); it will be retried.`,
  };
}
