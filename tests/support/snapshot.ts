/** Everything in a test database, for asserting that a refused write changed nothing. */
import type { Store } from '../../src/store/store';

export async function snapshotStore(store: Store): Promise<Record<string, unknown[]>> {
  const { resources } = await store.database.containers.readAll().fetchAll();
  const out: Record<string, unknown[]> = {};
  for (const { id } of resources) {
    const { resources: items } = await store.database
      .container(id)
      .items.query<{ id: string; _etag?: string }>('SELECT * FROM c')
      .fetchAll();
    out[id] = items.map((item) => ({ ...item })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return out;
}
