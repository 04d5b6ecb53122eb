import { ManagedPolicySchema, isPolicyKey, type ManagedPolicy, type PolicyKey } from './managed-schema.ts';
import { errorText, problemsFromZod, type PolicyProblem } from './problems.ts';
import { MAX_PACK_BYTES } from '../rules/load.ts';

/** A setting other than the pack is a few kilobytes; past this it is a mistake, refused unread. */
export const MAX_SETTING_CHARS = 256 * 1024;

export interface ManagedRead {
  /** Values that passed their checks. */
  policy: ManagedPolicy;
  /** Keys the administrator set, valid or not: these are locked for the worker. */
  present: PolicyKey[];
  problems: PolicyProblem[];
}

/**
 * Checks each policy value on its own (Dark Reader's habit): one bad value is reported and
 * refused without taking the good ones down with it. Size is checked before shape so that a
 * 5 MB policy costs one `JSON.stringify`, not a walk through a million entries.
 */
export function readManagedPolicy(raw: Record<string, unknown>): ManagedRead {
  const policy: Record<string, unknown> = {};
  const present: PolicyKey[] = [];
  const problems: PolicyProblem[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!isPolicyKey(key)) {
      problems.push({ path: key, message: 'not a Share to Protect setting (check the spelling against managed_schema.json)' });
      continue;
    }
    present.push(key);
    const size = measure(value);
    const limit = key === 'rulePack' ? MAX_PACK_BYTES : MAX_SETTING_CHARS;
    if (size > limit) {
      problems.push({ path: key, message: `is ${size} characters; the limit is ${limit}` });
      continue;
    }
    const schema = ManagedPolicySchema.shape[key];
    const parsed = schema.safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else problems.push(...problemsFromZod(key, parsed.error));
  }
  // Each value was parsed by its own key's schema above, so the whole object has the policy's shape.
  return { policy: policy as ManagedPolicy, present, problems };
}

function measure(value: unknown): number {
  if (typeof value === 'string') return value.length;
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export interface ManagedArea {
  get(): Promise<Record<string, unknown>>;
}

/**
 * Reads the managed storage area. Firefox rejects when no `policies.json` names the extension:
 * that is "no policy", not an error. Anything else is reported as a problem so the options page
 * says why the policy could not be read, and the caller keeps the last good state.
 */
export async function fetchManagedValues(
  area: ManagedArea,
): Promise<{ ok: true; values: Record<string, unknown> } | { ok: false; problems: PolicyProblem[] }> {
  try {
    return { ok: true, values: await area.get() };
  } catch (error) {
    const message = errorText(error);
    if (/managed storage manifest not found|storage\.managed is not available/i.test(message)) return { ok: true, values: {} };
    return { ok: false, problems: [{ path: '', message: `the browser could not read the policy: ${message}` }] };
  }
}
