/**
 * The one way a use case changes an audit a card was showing: only if it is still at the revision
 * the card showed, ETag-safe.
 */
import type { Audit } from '../../domain/audit';
import type { Stored } from '../../store/repository';
import { isStatus, withoutSystemFields } from '../../store/repository';
import type { AuditDeps } from './deps';

/**
 * Writes a change to the audit only if it is still at the revision the card showed. The audit was
 * just read with its ETag, so the common case is one replace; if anyone wrote in between (412), it
 * is read again and the revision decides.
 */
export async function writeIfUnchanged(
  deps: AuditDeps,
  audit: Audit & Partial<Stored>,
  revision: number,
  change: (current: Audit) => Audit,
): Promise<{ saved: Audit | undefined; changedMeanwhile: boolean }> {
  const repo = deps.store.audits.audits;
  if (audit._etag && audit.revision === revision && audit.status !== 'submitted') {
    const current = withoutSystemFields<Audit>(audit);
    try {
      return { saved: await repo.replaceIfUnchanged(change(current), audit._etag), changedMeanwhile: false };
    } catch (error) {
      if (!isStatus(error, 412)) throw error;
    }
  }
  let changedMeanwhile = false;
  const saved = await repo.update(audit.id, audit.teamId, (current) => {
    changedMeanwhile = current.revision !== revision || current.status === 'submitted';
    return changedMeanwhile ? undefined : change(current);
  });
  return { saved, changedMeanwhile };
}
