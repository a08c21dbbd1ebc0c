/**
 * docs/examples stays true to the code: every CSV field Hearth reads is listed for its kind, and
 * every example file's header is a field Hearth reads for that kind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSV_FIELDS } from '../../src/ingest/csv-mapping';

const dir = join(__dirname, '../../docs/examples');
const listed = readFileSync(join(dir, 'README.md'), 'utf8');

it.each(Object.entries(CSV_FIELDS))('lists every %s column', (kind, fields) => {
  const line = new RegExp(`\\*\\*${kind}\\*\\*:([\\s\\S]*?)(\\n- |\\n\\n)`).exec(listed)?.[1] ?? '';
  expect(fields.filter((f) => !line.includes(`\`${f}\``))).toEqual([]);
});

it.each(Object.entries(CSV_FIELDS))('ships a %s file whose columns Hearth reads', (kind, fields) => {
  const header = readFileSync(join(dir, `${kind}.csv`), 'utf8')
    .split('\n')[0]!
    .split(',');
  expect(header.filter((column) => !fields.includes(column))).toEqual([]);
});
