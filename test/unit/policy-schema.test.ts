import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ManagedPolicySchema, policyKeys } from '../../policy/managed-schema.ts';

/** Chrome's schema dialect, reduced to what both descriptions must agree on: names and types. */
interface ChromeSchema {
  type: string;
  properties?: Record<string, ChromeSchema>;
  items?: ChromeSchema;
  additionalProperties?: unknown;
}

function shape(schema: ChromeSchema): unknown {
  if (schema.type === 'array') return { array: shape(schema.items as ChromeSchema) };
  if (schema.type === 'object') {
    const props = Object.entries(schema.properties ?? {}).sort(([a], [b]) => a.localeCompare(b));
    return { object: Object.fromEntries(props.map(([key, value]) => [key, shape(value)])) };
  }
  return schema.type;
}

const chrome = JSON.parse(readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8')) as ChromeSchema;

describe('managed_schema.json and the Zod policy schema', () => {
  it('is a top-level object without additionalProperties, as Chrome requires', () => {
    expect(chrome.type).toBe('object');
    expect(chrome.additionalProperties).toBeUndefined();
  });

  it('list the same settings with the same types, nested ones included', () => {
    const fromZod = z.toJSONSchema(ManagedPolicySchema, { io: 'input' }) as unknown as ChromeSchema;
    expect(shape(chrome)).toEqual(shape(fromZod));
  });

  it('covers every setting the issue asks for', () => {
    for (const key of ['rulePack', 'rulePackUrl', 'rulePackSha256', 'disabledRules', 'sites', 'jurisdiction', 'contacts', 'logRetentionDays', 'allowSnooze', 'allowLogExport', 'allowLogClear', 'locale']) {
      expect(policyKeys).toContain(key);
      expect(chrome.properties).toHaveProperty(key);
    }
  });
});
