/**
 * Leave can be taken back, and is at most a year long (issue 10 item 10), through the settings card
 * as a practitioner uses it: the card shows the leave it would keep, empty leave fields mean no
 * leave, and a refusal says what is wrong in plain words and changes nothing.
 */
import type { LocalHearth } from '../../src/local/local-hearth';
import { PLAYGROUND_USERS } from '../../src/local/demo-data';
import { checkLanguage } from '../../src/text/language-check';
import { SETTINGS_PROBLEMS } from '../../src/text/teams/commands';
import { REPLIES } from '../../src/text/teams/replies';
import type { Who } from '../support/activities';
import { execute, install, message } from '../support/activities';
import { DEMO_MONDAY, startDemoHearth } from '../support/demo-hearth';
import type { FakeConnector } from '../support/fake-connector';
import { startFakeConnector } from '../support/fake-connector';
import { post, repliesIn } from './support';

let hearth: LocalHearth;
let connector: FakeConnector;
const megan: Who = { aad: PLAYGROUND_USERS.megan.aad, userId: 'user-megan', conversationId: 'conv-megan' };

beforeAll(async () => {
  connector = await startFakeConnector();
  hearth = await startDemoHearth(DEMO_MONDAY);
  await post(hearth, install(connector.url, megan));
}, 60_000);
afterAll(async () => {
  await hearth?.stop();
  await connector?.close();
});

const meganNow = async () => (await hearth.services.store.people.get('demo-megan', 'demo-team-north'))!;
const settings = { morningTime: '08:30', workingDays: 'mon,tue,wed,thu,fri', quietStart: '', quietEnd: '' };
const save = async (leaveFrom: string, leaveTo: string) => {
  const response = await post(
    hearth,
    execute(connector.url, megan, 'save-settings', { ...settings, leaveFrom, leaveTo }),
  );
  return JSON.stringify(response.body?.value);
};

it('shows the leave saving would keep, and empty fields take it away', async () => {
  expect(await save('2026-12-21', '2027-01-04')).toContain(REPLIES.settingsSaved);
  await post(hearth, message(connector.url, megan, 'settings'));
  const card = JSON.stringify(repliesIn(connector, 'conv-megan').at(-1));
  expect(card).toContain('"id":"leaveFrom","label":"Leave from (optional)","value":"2026-12-21"');
  expect(card).toContain('"id":"leaveTo","label":"Leave until (optional)","value":"2027-01-04"');

  expect(await save('', '')).toContain(REPLIES.settingsSaved);
  expect((await meganNow()).leave).toEqual([]);
});

it('takes away even leave saved to 9999 before leave had a limit', async () => {
  await hearth.services.store.people.update('demo-megan', 'demo-team-north', (p) => ({
    ...p,
    leave: [{ from: '2026-11-20', to: '9999-12-31' }],
  }));
  expect(await save('', '')).toContain(REPLIES.settingsSaved);
  expect((await meganNow()).leave).toEqual([]);
});

it.each([
  [
    'longer than a year',
    '2026-12-01',
    '2027-12-01',
    REPLIES.settingsNotSaved(SETTINGS_PROBLEMS.leaveTooLong('Wednesday 1 December 2027')),
  ],
  [
    'to 9999-12-31',
    '2026-12-01',
    '9999-12-31',
    REPLIES.settingsNotSaved(SETTINGS_PROBLEMS.leaveTooLong('Wednesday 1 December 2027')),
  ],
  [
    'ending before it starts',
    '2026-12-10',
    '2026-12-01',
    REPLIES.settingsNotSaved(SETTINGS_PROBLEMS.leaveOrder),
  ],
  ['with only its first day', '2026-12-10', '', REPLIES.settingsNotSaved(SETTINGS_PROBLEMS.leaveBothEnds)],
])('refuses leave %s in plain words, changing nothing', async (_, from, to, words) => {
  const { leave, morningTime } = await meganNow();
  const reply = await save(from, to);
  expect(reply).toContain(words);
  expect(checkLanguage(words)).toEqual([]);
  expect(await meganNow()).toMatchObject({ leave, morningTime });
});

it('accepts a year less a day', async () => {
  expect(await save('2026-12-01', '2027-11-30')).toContain(REPLIES.settingsSaved);
  expect((await meganNow()).leave).toEqual([{ from: '2026-12-01', to: '2027-11-30' }]);
});
