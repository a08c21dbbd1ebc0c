/**
 * The family feedback use cases against the real store: links made and opened, revoked, answers
 * saved ETag-safely, one response per link when sends race, what the Teams side records, and the
 * digest summary and export read back.
 */
import type { Services } from '../../../src/app/root';
import type { FeedbackResponse, Screening } from '../../../src/domain/feedback-types';
import { createFeedbackLink } from '../../../src/services/feedback/create-link';
import type { FeedbackDeps } from '../../../src/services/feedback/deps';
import { exportFeedback } from '../../../src/services/feedback/export';
import { openFeedbackLink } from '../../../src/services/feedback/open-link';
import { acknowledgeFeedbackWorry, markFeedbackRead } from '../../../src/services/feedback/response-state';
import { revokeFeedbackLink } from '../../../src/services/feedback/revoke-link';
import { saveFeedbackAnswer } from '../../../src/services/feedback/save-answer';
import { submitFeedback } from '../../../src/services/feedback/submit-response';
import { loadFeedbackSummary } from '../../../src/services/feedback/summary';
import { disposeServices, testServices } from '../../support/services';

let services: Services;
const clock = new Date('2026-11-25T10:00:00Z');
const calls: { response: FeedbackResponse; screening: Screening }[] = [];
let deps: FeedbackDeps;

beforeAll(async () => {
  services = await testServices();
  deps = {
    feedback: services.store.feedback,
    now: () => clock,
    onSubmitted: async (response, screening) => {
      calls.push({ response, screening });
    },
  };
});
afterAll(() => disposeServices(services));

const make = (teamId = 'team-1', audience: 'parent' | 'child' = 'parent') =>
  createFeedbackLink(
    {
      feedback: services.store.feedback,
      now: () => clock,
      publicBaseUrl: 'https://hearth.example',
      linkLifetimeDays: 14,
    },
    { teamId, childId: 'c1', practitionerId: 'p1', audience, language: 'en', createdBy: 'p1' },
  );

async function answerParent(token: string, extra: Record<string, string | boolean> = {}) {
  const answers: Record<string, string | boolean> = {
    overall: 'very-good',
    listened: 'yes',
    explained: 'yes',
    fair: 'yes',
    next: 'yes',
    ...extra,
  };
  for (const [questionId, value] of Object.entries(answers))
    expect((await saveFeedbackAnswer(deps, { token, questionId, value })).state).toBe('saved');
}

describe('links', () => {
  it('stores only the hash of an unguessable token, and nothing personal in the URL', async () => {
    const created = await make();
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(created.url).toBe(`https://hearth.example/api/f/${created.token}`);
    const stored = await services.store.feedback.getLink('team-1', created.link.id);
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect(stored?.expiresAt).toBe('2026-12-09T10:00:00.000Z');
    const tokens = new Set(await Promise.all([1, 2, 3, 4, 5].map(async () => (await make()).token)));
    expect(tokens.size).toBe(5);
  });

  it.each([
    ['a link just made', 0, 'ok'],
    ['a link 14 days old', 14 * 24, 'expired'],
  ])('opens %s as %s', async (_, hours: number, state: string) => {
    const { token } = await make();
    const later = { ...deps, now: () => new Date(clock.getTime() + hours * 3600 * 1000) };
    expect((await openFeedbackLink(later, token)).state).toBe(state);
  });

  it('revokes a link, dropping its draft, and says when it was already closed', async () => {
    const { token, link } = await make();
    await saveFeedbackAnswer(deps, { token, questionId: 'overall', value: 'good' });
    const target = { teamId: 'team-1', linkId: link.id, revokedBy: 'p1' };
    expect(await revokeFeedbackLink(deps, target)).toBe('revoked');
    expect(await revokeFeedbackLink(deps, target)).toBe('already-closed');
    expect(await revokeFeedbackLink(deps, { ...target, linkId: 'nope' })).toBe('not-found');
    expect((await services.store.feedback.getLink('team-1', link.id))?.draft).toBeUndefined();
    expect((await openFeedbackLink(deps, token)).state).toBe('revoked');
    expect((await saveFeedbackAnswer(deps, { token, questionId: 'overall', value: 'good' })).state).toBe(
      'revoked',
    );
  });
});

describe('answers', () => {
  it('keeps every answer when several are saved at once (ETag-safe)', async () => {
    const { token, link } = await make();
    const saves = ['overall', 'listened', 'explained', 'fair', 'next'].map((questionId) =>
      saveFeedbackAnswer(deps, { token, questionId, value: questionId === 'overall' ? 'good' : 'yes' }),
    );
    expect((await Promise.all(saves)).map((s) => s.state)).toEqual(Array(5).fill('saved'));
    const stored = await services.store.feedback.getLink('team-1', link.id);
    expect(Object.keys(stored?.draft?.answers ?? {}).sort()).toEqual([
      'explained',
      'fair',
      'listened',
      'next',
      'overall',
    ]);
  });

  it('refuses an answer to a question this audience is not asked', async () => {
    const { token } = await make();
    expect((await saveFeedbackAnswer(deps, { token, questionId: 'unsafe', value: 'yes' })).state).toBe(
      'no-such-question',
    );
  });

  it('says what is missing rather than sending an incomplete response', async () => {
    const { token } = await make();
    await saveFeedbackAnswer(deps, { token, questionId: 'overall', value: 'good' });
    expect(await submitFeedback(deps, { token, language: 'en' })).toMatchObject({
      state: 'incomplete',
      missing: ['listened', 'explained', 'fair', 'next'],
    });
  });

  it('stores one response when five sends race, calls the hook once with it, and closes the link', async () => {
    const { token, link } = await make();
    await answerParent(token, { better: 'He hits me', share: true });
    const before = calls.length;
    const outcomes = await Promise.all(
      [1, 2, 3, 4, 5].map(() => submitFeedback(deps, { token, language: 'en' })),
    );
    expect(outcomes.filter((o) => o.state === 'submitted')).toHaveLength(1);
    expect(outcomes.filter((o) => o.state === 'used')).toHaveLength(4);
    expect(calls.length - before).toBe(1);
    const call = calls.at(-1)!;
    expect(call.response).toMatchObject({
      id: `response-${link.id}`,
      linkId: link.id,
      teamId: 'team-1',
      childId: 'c1',
      practitionerId: 'p1',
      audience: 'parent',
      language: 'en',
      answers: { better: 'He hits me', share: true },
      shareWords: true,
    });
    expect(call.screening).toEqual({
      possibleWorry: true,
      flags: [{ questionId: 'better', reason: 'phrase', matched: ['hits me'] }],
    });
    const stored = await services.store.feedback.getResponse('team-1', call.response.id);
    expect(stored?.notifiedAt).toBe(clock.toISOString());
    expect((await openFeedbackLink(deps, token)).state).toBe('used');
  });

  it('finishes a send that a crash left half done, when the family sends again later', async () => {
    const { token, link } = await make();
    await answerParent(token);
    // The crash: the response was stored, but the link never closed and the hook never ran.
    const earlier = {
      ...deps,
      now: () => new Date(clock.getTime() - 10 * 60 * 1000),
      onSubmitted: async () => undefined,
    };
    await services.store.feedback.createResponse({
      id: `response-${link.id}`,
      linkId: link.id,
      teamId: 'team-1',
      childId: 'c1',
      practitionerId: 'p1',
      audience: 'parent',
      linkLanguage: 'en',
      language: 'en',
      submittedAt: earlier.now().toISOString(),
      answers: { overall: 'very-good' },
      shareWords: false,
      screening: { possibleWorry: false, flags: [] },
    });
    const before = calls.length;
    expect((await submitFeedback(deps, { token, language: 'en' })).state).toBe('used');
    expect(calls.length - before).toBe(1);
    expect(calls.at(-1)?.response).not.toHaveProperty('_etag');
    expect(
      (await services.store.feedback.getResponse('team-1', `response-${link.id}`))?.notifiedAt,
    ).toBeDefined();
    expect((await openFeedbackLink(deps, token)).state).toBe('used');
  });

  it('records read and "I’ve got this" once, first person and time standing', async () => {
    const { token, link } = await make();
    await answerParent(token, { better: 'scared' });
    await submitFeedback(deps, { token, language: 'en' });
    const target = { teamId: 'team-1', responseId: `response-${link.id}`, personId: 'm1' };
    const acknowledged = await acknowledgeFeedbackWorry(deps, target);
    expect(acknowledged).toMatchObject({ acknowledgedBy: 'm1', readBy: 'm1' });
    const again = await markFeedbackRead(deps, { ...target, personId: 'p1' });
    expect(again).toMatchObject({ readBy: 'm1' });
    expect(await markFeedbackRead(deps, { ...target, responseId: 'nope' })).toBeUndefined();
  });
});

describe('what the team sees', () => {
  it('summarises a team’s week for the digest and exports ids and shared words only', async () => {
    const teamId = 'team-summary';
    for (let i = 0; i < 5; i++) {
      const { token } = await make(teamId);
      await answerParent(token, { good: `Helpful ${i}`, share: i === 0 });
      await submitFeedback(deps, { token, language: 'en' });
    }
    const { summary, sentences } = await loadFeedbackSummary(deps, {
      teamId,
      weekStart: '2026-11-23',
      asOf: '2026-11-30',
    });
    expect(summary.thisWeek).toEqual({ kind: 'count', count: 5 });
    expect(summary.positive).toEqual({ kind: 'share', positive: 5, answered: 5, percent: 100 });
    expect(summary.quotes.map((q) => q.text)).toEqual(['Helpful 0']);
    expect(summary.unread).toBe(5);
    expect(sentences[0]).toBe('5 families answered our questions this week.');

    const rows = (await exportFeedback(deps, { from: '2026-11-25', to: '2026-11-25' })).filter(
      (r) => r.teamId === teamId,
    );
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.good).sort()).toEqual(['', '', '', '', 'Helpful 0']);
    expect(rows[0]).toMatchObject({
      audience: 'parent',
      overall: 'very-good',
      possibleWorry: false,
      childId: 'c1',
    });
    expect(await exportFeedback(deps, { from: '2026-11-26', to: '2026-11-30' })).toEqual([]);
  });
});
