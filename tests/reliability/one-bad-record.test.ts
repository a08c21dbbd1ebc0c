/**
 * One record never stops the mornings (issue 10 item 1). At the edges, the feed and the CSV import
 * refuse dates no child's record can hold, naming the field. And a record the rules cannot handle
 * that is in the store anyway (written before the checks existed, or by hand) leaves out only that
 * child or person: everyone else's morning card and digest is made, and the admins see what was
 * left out, by id, in the activity log.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../src/cli/import-command';
import type { LocalHearth } from '../../src/local/local-hearth';
import { DEMO_MONDAY, startDemoHearth } from '../support/demo-hearth';
import { snapshotStore } from '../support/snapshot';
import { postFeed, runTimer } from './support';

let hearth: LocalHearth;
beforeAll(async () => {
  hearth = await startDemoHearth(DEMO_MONDAY);
}, 60_000);
afterAll(() => hearth?.stop());

const store = () => hearth.services.store;
const child = (id: string, anchors: Record<string, string>) => ({
  type: 'child',
  id,
  teamId: 'demo-team-north',
  firstName: 'Ada',
  familyName: 'Lovelace',
  kind: 'child-in-need',
  allocatedPractitionerId: 'demo-alex',
  anchors,
});

describe('at the edges', () => {
  it.each([
    ['9999-12-31', 'anchors.referral'],
    ['1000-01-01', 'anchors.referral'],
    ['1899-12-31', 'anchors.referral'],
    ['2299-12-20', 'anchors.referral'],
  ])(
    'the feed refuses a referral on %s with 422, naming the field, and writes nothing',
    async (date, field) => {
      const before = await snapshotStore(store());
      const { status, json } = await postFeed(hearth, { records: [child('edge-1', { referral: date })] });
      expect(status).toBe(422);
      expect(json.records).toEqual([
        expect.objectContaining({
          outcome: 'rejected',
          reason: `${field}: ${date} is outside the dates Hearth accepts (1990-01-01 to 2036-11-30)`,
        }),
      ]);
      expect(await snapshotStore(store())).toEqual(before);
    },
  );

  it('the CSV import refuses 31/12/9999 by line and field, exits 1 and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-reliability-'));
    const file = join(dir, 'children.csv');
    writeFileSync(
      file,
      'id,teamId,firstName,familyName,kind,anchors.referral\nedge-2,demo-team-north,Ada,L,child-in-need,31/12/9999\n',
    );
    const lines: string[] = [];
    const report = await runImport(
      store(),
      { file, kind: 'children', acceptValid: false, progress: false, now: DEMO_MONDAY },
      (line) => lines.push(line),
    );
    expect(report.exitCode).toBe(1);
    expect(lines).toContain(
      '  line 2: anchors.referral: 9999-12-31 is outside the dates Hearth accepts (1990-01-01 to 2036-11-30)',
    );
    expect(await store().children.findByIds(['edge-2'])).toEqual([]);
  });
});

describe('records the rules cannot handle, already in the store', () => {
  beforeAll(async () => {
    // Straight into the store, past the feed's checks.
    await store().children.upsert({
      id: 'bad-child',
      teamId: 'demo-team-north',
      name: { first: 'Ada', familyInitial: 'L' },
      kind: 'child-in-need',
      allocatedPractitionerId: 'demo-alex',
      anchors: { referral: '9999-12-31' },
      closed: false,
    });
    await store().people.update('demo-isaiah', 'demo-team-north', (p) => ({ ...p, morningTime: '07' }));
  });

  it('makes everyone else their morning card, and Alex theirs without the one child', async () => {
    expect(await runTimer(hearth, 'plan-mornings')).toBe(202);
    const cards = await store().outbox.query("c.kind = 'morning' AND c.date = '2026-11-30'");
    // Tom does not work on Mondays; Isaiah's own record is the one Hearth cannot read.
    expect(cards.map((c) => c.recipientId).sort()).toEqual([
      'demo-adele',
      'demo-alex',
      'demo-grace',
      'demo-lynne',
      'demo-megan',
      'demo-priya',
    ]);
    const alex = cards.find((c) => c.recipientId === 'demo-alex')?.bundle;
    const onAlexsCard = [alex?.today, alex?.notSeenYet, alex?.comingUp, alex?.cannotWorkOut].flat();
    expect(onAlexsCard.length).toBeGreaterThan(0);
    expect(onAlexsCard.map((i) => i?.childId)).not.toContain('bad-child');
  });

  it('tells the admins what was left out, by id and kind of error only', async () => {
    const log = await store().activity.query("c.action = 'plan-mornings.skipped'");
    expect(
      log.map((e) => e.details).sort((a, b) => String(a.personId).localeCompare(String(b.personId))),
    ).toEqual([
      { personId: 'demo-alex', childId: 'bad-child', error: 'RangeError' },
      { personId: 'demo-isaiah', error: 'RangeError' },
    ]);
    expect(JSON.stringify(log)).not.toContain('Ada');
  });

  it('says so once a day, however often the planner runs', async () => {
    await runTimer(hearth, 'plan-mornings');
    expect(await store().activity.query("c.action = 'plan-mornings.skipped'")).toHaveLength(2);
  });

  it("makes every manager's digest, North's without the one child", async () => {
    expect(await runTimer(hearth, 'plan-digests')).toBe(202);
    const digests = await store().outbox.query(
      "c.date = '2026-11-30' AND (c.kind = 'digest' OR c.kind = 'rollup')",
    );
    expect(digests.map((d) => d.recipientId).sort()).toEqual(['demo-jo', 'demo-patti', 'demo-sam']);
    expect(JSON.stringify(digests)).not.toContain('bad-child');
    const log = await store().activity.query("c.action = 'plan-digests.skipped'");
    expect(log.map((e) => e.details)).toEqual([
      { teamId: 'demo-team-north', childId: 'bad-child', error: 'RangeError' },
    ]);
  });
});
