import { Readable } from 'node:stream';
import { parseMapping, toIsoDate } from '../../../src/ingest/csv-mapping';
import { readCsv } from '../../../src/ingest/csv-import';
import { csvCell, csvLine } from '../../../src/util/csv-out';

const read = (
  text: string | Buffer,
  kind: 'children' | 'events' = 'children',
  mapping = parseMapping('{}', kind),
) => readCsv(Readable.from([text]), kind, mapping);

describe('csvCell', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 7700 900000', "'+44 7700 900000"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tTabbed', "'\tTabbed"],
    ['plain', 'plain'],
    ['has, comma', '"has, comma"'],
    ['say "hi"', '"say ""hi"""'],
    [undefined, ''],
  ])('writes %j as %j so a spreadsheet keeps it as text', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', 1])).toBe('a,1\r\n');
  });
});

describe('toIsoDate', () => {
  it.each([
    ['01/02/2015', '2015-02-01'],
    ['1/2/2015', '2015-02-01'],
    ['2015-02-01', '2015-02-01'],
    ['2015/02/01', undefined],
    ['01-02-2015', undefined],
    ['Feb 1 2015', undefined],
  ])('reads %s as %s', (cell, iso) => {
    expect(toIsoDate(cell)).toBe(iso);
  });
});

describe('readCsv', () => {
  const header = 'id,teamId,firstName,familyName,kind,dateOfBirth';

  it('reads UTF-8 with a byte order mark and CRLF line ends', async () => {
    const text = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${header}\r\nC1,T1,Zoë,Ó Briain,child-in-need,01/02/2015\r\n`, 'utf8'),
    ]);
    const result = await read(text);
    expect(result.problems).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      line: 2,
      raw: { type: 'child', id: 'C1', firstName: 'Zoë', familyName: 'Ó Briain', dateOfBirth: '2015-02-01' },
    });
  });

  it('keeps quoted commas and line breaks inside cells, and counts lines from where a row starts', async () => {
    const result = await read(
      `${header}\n"C1",T1,"Mary, Jane","Smith",child-in-need,\n"C2",T1,"Two\nLines",X,child-in-need,\nC3,T1,Ann,Lee,child-in-need,\n`,
    );
    expect(result.rows.map((r) => [r.line, r.raw.firstName])).toEqual([
      [2, 'Mary, Jane'],
      [3, 'Two\nLines'],
      [5, 'Ann'],
    ]);
  });

  it('reports ragged rows and wrong date formats by line, without stopping', async () => {
    const result = await read(
      `${header}\nC1,T1,Ann,Lee,child-in-need\nC2,T1,Bo,Lee,child-in-need,2015-31-12x\nC3,T1,Cy,Lee,child-in-need,31.12.2015\nC4,T1,Di,Lee,child-in-need,31/12/2015\n`,
    );
    expect(result.problems.map((p) => `${p.line}: ${p.reason}`)).toEqual([
      '2: expected 6 columns, found 5',
      '3: dateOfBirth: "2015-31-12x" is not a date (use dd/mm/yyyy or yyyy-mm-dd)',
      '4: dateOfBirth: "31.12.2015" is not a date (use dd/mm/yyyy or yyyy-mm-dd)',
    ]);
    expect(result.rows.map((r) => r.raw.id)).toEqual(['C4']);
  });

  it('reads formula-looking cells as plain text', async () => {
    const result = await read(`${header}\nC1,T1,=HYPERLINK("http://x"),@Lee,child-in-need,\n`);
    expect(result.rows[0]?.raw).toMatchObject({ firstName: '=HYPERLINK("http://x")', familyName: '@Lee' });
  });

  it('applies a mapping: column names, code translations and anchor dates', async () => {
    const mapping = parseMapping(
      JSON.stringify({
        columns: {
          id: 'Case Number',
          teamId: 'Team',
          firstName: 'Forename',
          familyName: 'Surname',
          kind: 'Category',
          'anchors.referral': 'Referred',
        },
        values: { kind: { CIN: 'child-in-need' } },
      }),
      'children',
    );
    const result = await read(
      'Case Number,Team,Forename,Surname,Category,Referred\n77,T1,Ann,Lee,CIN,03/11/2026\n',
      'children',
      mapping,
    );
    expect(result.rows[0]?.raw).toEqual({
      type: 'child',
      id: '77',
      teamId: 'T1',
      firstName: 'Ann',
      familyName: 'Lee',
      kind: 'child-in-need',
      anchors: { referral: '2026-11-03' },
    });
  });

  it('reads flags as a list and the allocation date in either format, translating codes', async () => {
    const mapping = parseMapping(
      JSON.stringify({
        columns: { flags: 'Factors' },
        values: { flags: { NEG: 'neglect', MIS: 'missing' } },
      }),
      'children',
    );
    const result = await read(
      'id,teamId,firstName,familyName,kind,allocatedSince,Factors\nC1,T1,Ann,Lee,child-in-need,14/09/2026,NEG; MIS\nC2,T1,Bo,Ng,child-in-need,2026-13-45x,\n',
      'children',
      mapping,
    );
    expect(result.rows[0]?.raw).toMatchObject({
      allocatedSince: '2026-09-14',
      flags: ['neglect', 'missing'],
    });
    expect(result.problems.map((p) => `${p.line}: ${p.reason}`)).toEqual([
      '3: allocatedSince: "2026-13-45x" is not a date (use dd/mm/yyyy or yyyy-mm-dd)',
    ]);
  });

  it('says which mapped column the header lacks', async () => {
    const mapping = parseMapping('{"columns": {"id": "Case Number"}}', 'children');
    await expect(read(`${header}\nC1,T1,A,B,child-in-need,\n`, 'children', mapping)).rejects.toThrow(
      'The header row has no column Case Number (for id).',
    );
  });

  it('says where a file stops being CSV (an unclosed quote)', async () => {
    await expect(read(`${header}\nC1,T1,"Ann,Lee,child-in-need,\n`)).rejects.toThrow(
      /not readable as CSV: .*Quote Not Closed/,
    );
  });

  it('refuses an empty file', async () => {
    await expect(read('')).rejects.toThrow('The file is empty');
  });
});

describe('a header row with columns Hearth does not read', () => {
  it.each<[string, string, 'children' | 'events', RegExp[]]>([
    [
      'a short name for a field',
      'id,teamId,firstName,familyName,kind,dob',
      'children',
      [/"dob" is not a column Hearth reads: did you mean "dateOfBirth"\?/],
    ],
    [
      'a misspelt anchor',
      'id,teamId,firstName,familyName,kind,anchors.referal',
      'children',
      [/"anchors.referal" is not a column Hearth reads: did you mean "anchors.referral"\?/],
    ],
    [
      'an anchor without its prefix',
      'id,teamId,firstName,familyName,kind,referral',
      'children',
      [/"referral" is not a column Hearth reads: did you mean "anchors.referral"\?/],
    ],
    [
      'the same name written another way',
      'id,teamId,firstName,familyName,kind,Date of Birth',
      'children',
      [/"Date of Birth" .*did you mean "dateOfBirth"\?/],
    ],
    [
      'a column like nothing Hearth knows',
      'id,teamId,firstName,familyName,kind,Ethnicity',
      'children',
      [/"Ethnicity" is not a column Hearth reads\n/, /Columns for children: id, teamId, firstName/],
    ],
    [
      'a column named twice',
      'id,teamId,firstName,familyName,kind,kind',
      'children',
      [/"kind" appears more than once/],
    ],
    ['a column with no name', 'id,teamId,firstName,familyName,kind,', 'children', [/column 6 has no name/]],
    [
      'a children file read as events',
      'id,teamId,firstName,familyName,kind,dateOfBirth',
      'events',
      [
        /look like a children file, not events: run again with --kind children/,
        /teamId, firstName, familyName, dateOfBirth/,
      ],
    ],
    [
      'an events file read as children',
      'id,childId,kind,status,completedDate',
      'children',
      [/look like an events file, not children: run again with --kind events/],
    ],
  ])('refuses %s, naming the column and the nearest known one', async (_, header, kind, reasons) => {
    const attempt = read(`${header}\nC1,T1,A,B,child-in-need,x\n`, kind);
    for (const reason of reasons) await expect(attempt).rejects.toThrow(reason);
  });

  it("reads a practitioner's start date and the section 47 mark", async () => {
    const people = await readCsv(
      Readable.from([
        'id,teamId,displayName,roles,newlyQualified,startedOn\nP1,T1,Sam,practitioner,yes,01/09/2026\n',
      ]),
      'people',
      parseMapping('{}', 'people'),
    );
    expect(people.rows[0]?.raw).toMatchObject({ newlyQualified: true, startedOn: '2026-09-01' });
    const events = await read(
      'id,childId,kind,status,completedDate,startedSection47\nE1,C1,strategy-discussion,completed,02/11/2026,yes\n',
      'events',
    );
    expect(events.rows[0]?.raw).toMatchObject({ startedSection47: true, completedDate: '2026-11-02' });
  });

  it('reads a column the mapping leaves out on purpose', async () => {
    const mapping = parseMapping('{"ignoreColumns": ["Notes"]}', 'children');
    const result = await read(
      'id,teamId,firstName,familyName,kind,Notes\nC1,T1,A,B,child-in-need,private\n',
      'children',
      mapping,
    );
    expect(result.rows[0]?.raw).toEqual({
      type: 'child',
      id: 'C1',
      teamId: 'T1',
      firstName: 'A',
      familyName: 'B',
      kind: 'child-in-need',
    });
    expect(JSON.stringify(result.rows[0]?.raw)).not.toContain('private');
  });

  it('suggests the mapped name when a mapping renames the column', async () => {
    const mapping = parseMapping('{"columns": {"dateOfBirth": "Birth Date"}}', 'children');
    await expect(
      read('id,teamId,firstName,familyName,kind,Brith Date\n', 'children', mapping),
    ).rejects.toThrow(/"Brith Date" is not a column Hearth reads: did you mean "Birth Date"\?/);
  });
});

describe('parseMapping', () => {
  it.each([
    ['{', /not valid JSON/],
    ['{"columns": {"id": 5}}', /columns.id/],
    ['{"colums": {}}', /unknown field\(s\) colums/],
    ['{"columns": {"shoeSize": "Shoes"}}', /field\(s\) that children do not have: shoeSize/],
  ])('refuses %s with a clear reason', (text, reason) => {
    expect(() => parseMapping(text, 'children')).toThrow(reason);
  });

  it('accepts the shipped example', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const example = JSON.stringify(require('../../../docs/csv-mapping.example.json'));
    expect(parseMapping(example, 'children').columns.id).toBe('Case Number');
  });
});
