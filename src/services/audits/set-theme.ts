/**
 * A head of service sets a month's theme (a kind of child, a flag from the feed, or children not
 * seen alone) before its audits go out; it wins over the programme file's theme for that month.
 */
import { randomUUID } from 'node:crypto';
import type { AuditTheme } from '../../domain/audit-programme';
import { parseThemeText, themeCode } from '../../domain/audit-programme';
import { NOTE_WORDS } from '../../text/audit-messages';
import { auditMonthId, AUTHORITY_PARTITION } from '../../store/audits-repository';
import type { AuditDeps, AuditReply } from './deps';
import { findPerson } from './deps';
import { note } from './views';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export async function setThemedMonth(
  deps: AuditDeps,
  input: { actorId: string | undefined; month: string; theme: string | AuditTheme; share?: number },
): Promise<AuditReply> {
  const title = NOTE_WORDS.audits;
  const actor = await findPerson(deps.store, input.actorId);
  if (!actor?.roles.includes('head-of-service')) return note(title, [NOTE_WORDS.themeNotHead], 'not-yours');
  const theme = typeof input.theme === 'string' ? parseThemeText(input.theme) : input.theme;
  const share =
    input.share === undefined || (input.share >= 0 && input.share <= 1) ? input.share : Number.NaN;
  if (!theme || !MONTH.test(input.month) || Number.isNaN(share))
    return note(title, [NOTE_WORDS.themeUnknown], 'refused');
  const setting = {
    theme,
    ...(share !== undefined ? { share } : {}),
    setBy: actor.id,
    setAt: deps.now().toISOString(),
  };
  const id = auditMonthId(input.month);
  const created = await deps.store.audits.months.createIfAbsent({
    id,
    teamId: AUTHORITY_PARTITION,
    month: input.month,
    theme: setting,
  });
  let tooLate = false;
  if (!created) {
    await deps.store.audits.months.update(id, AUTHORITY_PARTITION, (m) => {
      tooLate = m.plan !== undefined;
      return tooLate ? undefined : { ...m, theme: setting };
    });
  }
  if (tooLate) return note(title, [NOTE_WORDS.themeTooLate(input.month)], 'too-late');
  await deps.store.activity.upsert({
    id: randomUUID(),
    teamId: AUTHORITY_PARTITION,
    at: setting.setAt,
    actor: actor.id,
    action: 'audit.theme-set',
    details: { month: input.month, theme: themeCode(theme) },
  });
  return note(title, [NOTE_WORDS.themeSet(input.month, theme)], 'set');
}
