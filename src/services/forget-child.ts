/**
 * Removes what Hearth holds about a child: their record, their events, the outbox messages that
 * name them, the personal details in their audits, and their feedback links. Used by the retention
 * timer for children closed long enough and by `hearth forget --child` on request. The child's own
 * record goes last, so an interrupted run is finished by running it again. One activity line per
 * child says what was removed, in ids and counts.
 */
import { randomUUID } from 'node:crypto';
import type { Container, ItemDefinition } from '@azure/cosmos';
import { CONTAINERS } from '../store/containers';
import { isStatus } from '../store/repository';
import type { Store } from '../store/store';
import { mapLimit } from '../util/map-limit';

/**
 * What an audit keeps once its child is forgotten: enough for the authority's figures (grades,
 * who audited, when), nothing that says who the child was or what was written about them. An
 * allow-list, so a field added later is removed unless it is added here on purpose.
 */
export const AUDIT_FIELDS_KEPT = [
  'id',
  'teamId',
  'docType',
  'kind',
  'status',
  'month',
  'grade',
  'auditorId',
  'practitionerId',
  'dueDate',
  'assignedAt',
  'submittedAt',
  'moderatedAt',
  'ttl',
] as const;

/** Feedback documents that are links (token hash, expiry) and go with the child. */
export const FEEDBACK_LINK_DOC_TYPES: readonly string[] = ['link', 'feedback-link'];

export interface ForgetDeps {
  store: Store;
  now: Date;
  /** Who asked, for the activity log: `retention` or `cli`. */
  actor: string;
}

export interface ForgetReport {
  childId: string;
  /** The child's records removed (one per team the child is stored under). */
  children: { id: string; teamId: string }[];
  events: string[];
  outbox: string[];
  /** Outbox messages being sent at this moment: left alone, they expire with the outbox. */
  outboxInFlight: string[];
  /** Audits whose personal details were removed. */
  audits: string[];
  feedbackLinks: string[];
  /** Other feedback (a family's answers) no longer tied to the child. */
  feedbackUnlinked: string[];
}

type Doc = ItemDefinition & { id: string; _etag?: string };

const CONCURRENCY = 8;

async function remove(container: Container, id: string, partitionKey: string): Promise<void> {
  try {
    await container.item(id, partitionKey).delete();
  } catch (error) {
    if (!isStatus(error, 404)) throw error;
  }
}

/** Replaces a document with `change(doc)`, re-reading when someone else changed it first. */
async function rewrite(container: Container, doc: Doc, partitionKey: string, change: (d: Doc) => Doc) {
  for (let attempt = 1, current: Doc | undefined = doc; current; attempt++) {
    try {
      const condition = current._etag
        ? { accessCondition: { type: 'IfMatch', condition: current._etag } }
        : {};
      await container.item(current.id, partitionKey).replace(change(current), condition);
      return;
    } catch (error) {
      if (!isStatus(error, 412) || attempt >= 5) throw error;
      current = (await container.item(doc.id, partitionKey).read<Doc>()).resource;
    }
  }
}

async function withChild(container: Container, ids: readonly string[]): Promise<Doc[]> {
  const { resources } = await container.items
    .query<Doc>({
      query: 'SELECT * FROM c WHERE ARRAY_CONTAINS(@ids, c.childId)',
      parameters: [{ name: '@ids', value: [...ids] }],
    })
    .fetchAll();
  return resources;
}

/** Every value of a `childId` key anywhere in a document (bundles, digests, kind words). */
function childIdsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => childIdsIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'childId' && typeof v === 'string') found.add(v);
      else childIdsIn(v, found);
    }
  }
  return found;
}

async function outboxNaming(store: Store, ids: ReadonlySet<string>): Promise<Map<string, Doc[]>> {
  const byChild = new Map<string, Doc[]>();
  // The outbox has no index by child; one pass over it serves every child forgotten in this run.
  const pages = store.outbox.container.items.query<Doc>('SELECT * FROM c', { maxItemCount: 500 });
  while (pages.hasMoreResults()) {
    const { resources } = await pages.fetchNext();
    for (const doc of resources ?? []) {
      for (const id of childIdsIn(doc)) if (ids.has(id)) byChild.set(id, [...(byChild.get(id) ?? []), doc]);
    }
  }
  return byChild;
}

function redactAudit(doc: Doc, at: string): Doc {
  const kept = Object.fromEntries(
    Object.entries(doc).filter(([key]) => (AUDIT_FIELDS_KEPT as readonly string[]).includes(key)),
  );
  return { ...kept, id: doc.id, childErased: true, erasedAt: at };
}

const emptyReport = (childId: string): ForgetReport => ({
  childId,
  children: [],
  events: [],
  outbox: [],
  outboxInFlight: [],
  audits: [],
  feedbackLinks: [],
  feedbackUnlinked: [],
});

/** Removes (or, for audits and answers, redacts) what was found about the children, filling `report`. */
async function removeAll(
  store: Store,
  ids: string[],
  at: string,
  report: (childId: unknown) => ForgetReport,
): Promise<void> {
  const audits = store.database.container(CONTAINERS.audits.id);
  const feedback = store.database.container(CONTAINERS.feedback.id);
  const [children, events, outbox, auditDocs, feedbackDocs] = await Promise.all([
    store.children.findByIds(ids),
    store.events.query('ARRAY_CONTAINS(@ids, c.childId)', [{ name: '@ids', value: ids }]),
    outboxNaming(store, new Set(ids)),
    withChild(audits, ids),
    withChild(feedback, ids),
  ]);
  await mapLimit(events, CONCURRENCY, async (e) => {
    await store.events.delete(e.id, e.teamId);
    report(e.childId).events.push(e.id);
  });
  const messages = [...outbox].flatMap(([childId, docs]) => docs.map((doc) => ({ childId, doc })));
  await mapLimit(messages, CONCURRENCY, async ({ childId, doc }) => {
    if (doc.status === 'sending') {
      report(childId).outboxInFlight.push(doc.id);
    } else {
      await remove(store.outbox.container, doc.id, String(doc.recipientId));
      report(childId).outbox.push(doc.id);
    }
  });
  await mapLimit(auditDocs, CONCURRENCY, async (doc) => {
    await rewrite(audits, doc, String(doc.teamId), (current) => redactAudit(current, at));
    report(doc.childId).audits.push(doc.id);
  });
  await mapLimit(feedbackDocs, CONCURRENCY, async (doc) => {
    if (FEEDBACK_LINK_DOC_TYPES.includes(String(doc.docType))) {
      await remove(feedback, doc.id, String(doc.teamId));
      report(doc.childId).feedbackLinks.push(doc.id);
      return;
    }
    await rewrite(feedback, doc, String(doc.teamId), ({ childId: _gone, ...rest }) => ({
      ...rest,
      id: doc.id,
    }));
    report(doc.childId).feedbackUnlinked.push(doc.id);
  });
  // Last, so that an interrupted run leaves the child to be found and finished next time.
  await mapLimit(children, CONCURRENCY, async (c) => {
    await store.children.delete(c.id, c.teamId);
    report(c.id).children.push({ id: c.id, teamId: c.teamId });
  });
}

/** Forgets each child; one report per child, in the order given. */
export async function forgetChildren(deps: ForgetDeps, childIds: readonly string[]): Promise<ForgetReport[]> {
  const ids = [...new Set(childIds)];
  if (ids.length === 0) return [];
  const at = deps.now.toISOString();
  const reports = new Map(ids.map((id) => [id, emptyReport(id)]));
  await removeAll(deps.store, ids, at, (childId) => reports.get(String(childId)) as ForgetReport);
  const result = [...reports.values()];
  await mapLimit(result, CONCURRENCY, (r) => deps.store.activity.upsert(activityLine(r, deps.actor, at)));
  return result;
}

export async function forgetChild(deps: ForgetDeps, childId: string): Promise<ForgetReport> {
  const [report] = await forgetChildren(deps, [childId]);
  return report as ForgetReport;
}

function activityLine(r: ForgetReport, actor: string, at: string) {
  return {
    id: randomUUID(),
    teamId: r.children[0]?.teamId ?? 'unknown',
    at,
    actor,
    action: 'child.forgotten',
    details: {
      childId: r.childId,
      children: r.children.length,
      events: r.events.length,
      outbox: r.outbox.length,
      outboxInFlight: r.outboxInFlight.length,
      audits: r.audits.length,
      feedbackLinks: r.feedbackLinks.length,
      feedbackUnlinked: r.feedbackUnlinked.length,
    },
  };
}
