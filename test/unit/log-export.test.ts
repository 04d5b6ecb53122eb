import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PromptLogDb } from '../../log/db.ts';
import { csvCell, exportColumns, exportLog } from '../../log/export.ts';
import { logEvent, manyEvents } from './log-events.ts';

/** A minimal RFC 4180 reader, enough to check the export round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('prompt log export', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const dangerous of ['=HYPERLINK("x")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(dangerous).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('physical-abuse')).toBe('physical-abuse');
  });

  it('exports CSV with the documented columns, oldest first, one row per event', async () => {
    const db = new PromptLogDb(`e-${crypto.randomUUID()}`);
    const events = manyEvents(12_345);
    await db.events.bulkAdd(events);
    const { blob, count, fileName } = await exportLog(db, {}, 'csv', new Date('2026-11-26T12:00:00Z'));
    expect(count).toBe(events.length);
    expect(fileName).toBe('share-to-protect-log-2026-11-26.csv');
    const rows = parseCsv(await blob.text());
    expect(rows[0]).toEqual([...exportColumns]);
    expect(rows).toHaveLength(events.length + 1);
    const ats = rows.slice(1).map((row) => row[1]!);
    expect(ats).toEqual([...ats].sort());
    expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(events.length);
    const responded = rows.find((row) => row[2] === 'responded');
    expect(responded?.[11]).toBe('seeking-advice');
  });

  it('exports filtered JSON that parses, with every column present', async () => {
    const db = new PromptLogDb(`e-${crypto.randomUUID()}`);
    await db.events.bulkAdd([logEvent({ concern: 'neglect' }), logEvent({ concern: 'fgm', severity: 'critical' })]);
    const { blob, count } = await exportLog(db, { concern: 'fgm' }, 'json');
    expect(count).toBe(1);
    const parsed = JSON.parse(await blob.text()) as { format: string; events: Array<Record<string, unknown>> };
    expect(parsed.format).toBe('share-to-protect-log');
    expect(parsed.events).toHaveLength(1);
    expect(Object.keys(parsed.events[0]!)).toEqual([...exportColumns]);
    expect(parsed.events[0]!.response).toBeNull();
  });

  it('exports an empty log as a header or an empty list', async () => {
    const db = new PromptLogDb(`e-${crypto.randomUUID()}`);
    expect(await (await exportLog(db, {}, 'csv')).blob.text()).toBe(exportColumns.join(',') + '\r\n');
    expect(JSON.parse(await (await exportLog(db, {}, 'json')).blob.text()).events).toEqual([]);
  });
});
