/**
 * A typed repository over one Cosmos container. Every write that can race goes through
 * `update`, which reads, applies a change and replaces with IfMatch on the ETag it read, retrying
 * when someone else got there first; plain `upsert` is for the feed, where the source system wins.
 */
import type { Container, ItemDefinition, SqlParameter } from '@azure/cosmos';
import { ErrorResponse } from '@azure/cosmos';

/** What Cosmos adds to every stored item. */
export interface Stored {
  _etag: string;
  _ts: number;
}

export class ConcurrencyError extends Error {
  override name = 'ConcurrencyError';
  readonly status = 409;
  constructor(what: string, options?: { cause?: unknown }) {
    super(`${what} kept changing while we tried to update it; try again`, options);
  }
}

/** Whether Cosmos DB answered with this status code (also when wrapped, as the `cause` of another). */
export function isStatus(error: unknown, code: number): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth++) {
    if (e instanceof ErrorResponse) return e.code === code;
  }
  return false;
}

/** Ids per `ARRAY_CONTAINS` query: a few tens of kilobytes of query, well inside Cosmos DB's limits. */
const ID_SLICE = 2_000;

const SYSTEM_FIELDS = new Set(['_etag', '_ts', '_rid', '_self', '_attachments', 'docType']);

/** Strips Cosmos system properties and our type tag, leaving the plain domain object. */
export function withoutSystemFields<T>(doc: object): T {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !SYSTEM_FIELDS.has(key))) as T;
}

export class Repository<T extends { id: string }> {
  constructor(
    readonly container: Container,
    private readonly partitionKeyOf: (item: T) => string,
    private readonly docType?: string,
    /** Fields the stored document needs beyond the domain object (for example its partition key). */
    private readonly storedFields: (item: T) => Record<string, unknown> = () => ({}),
  ) {}

  private stamp(item: T): T & ItemDefinition {
    return { ...item, ...this.storedFields(item), ...(this.docType ? { docType: this.docType } : {}) };
  }

  async get(id: string, partitionKey: string): Promise<(T & Stored) | undefined> {
    try {
      const { resource } = await this.container
        .item(id, partitionKey)
        .read<T & Stored & { docType?: string }>();
      if (!resource) return undefined;
      if (this.docType && resource.docType !== this.docType) return undefined;
      return resource;
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async upsert(item: T): Promise<T & Stored> {
    const { resource } = await this.container.items.upsert(this.stamp(item));
    if (!resource) throw new Error(`upsert of ${item.id} returned no resource`);
    return resource as unknown as T & Stored;
  }

  /** Creates the item; resolves false (and changes nothing) when it already exists. */
  async createIfAbsent(item: T): Promise<boolean> {
    try {
      await this.container.items.create(this.stamp(item));
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  /** Replaces only if nobody has changed the item since `etag` was read. */
  async replaceIfUnchanged(item: T, etag: string): Promise<T & Stored> {
    const { resource } = await this.container
      .item(item.id, this.partitionKeyOf(item))
      .replace(this.stamp(item), { accessCondition: { type: 'IfMatch', condition: etag } });
    if (!resource) throw new Error(`replace of ${item.id} returned no resource`);
    return resource as unknown as T & Stored;
  }

  /**
   * Read-modify-write with optimistic concurrency. `change` gets the current item and returns the
   * new one (or undefined to leave it). Retries on 412 a few times, then gives up loudly.
   */
  async update(
    id: string,
    partitionKey: string,
    change: (current: T) => T | undefined,
    attempts = 5,
  ): Promise<(T & Stored) | undefined> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(id, partitionKey);
      if (!current) return undefined;
      const next = change(withoutSystemFields<T>(current));
      if (!next) return current;
      try {
        return await this.replaceIfUnchanged(next, current._etag);
      } catch (error) {
        if (!isStatus(error, 412)) throw error;
        if (attempt >= attempts) throw new ConcurrencyError(`${this.container.id}/${id}`, { cause: error });
      }
    }
  }

  async delete(id: string, partitionKey: string): Promise<void> {
    try {
      await this.container.item(id, partitionKey).delete();
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }

  /** Items in one partition, optionally filtered by a SQL WHERE clause over `c`. */
  async inPartition(partitionKey: string, where?: string, parameters: SqlParameter[] = []): Promise<T[]> {
    return this.query(where, parameters, partitionKey);
  }

  async query(where?: string, parameters: SqlParameter[] = [], partitionKey?: string): Promise<T[]> {
    return (await this.queryStored(where, parameters, partitionKey)).map((r) => withoutSystemFields<T>(r));
  }

  /** As `query`, keeping each item's ETag, for a later write that must not clobber a newer one. */
  async queryStored(
    where?: string,
    parameters: SqlParameter[] = [],
    partitionKey?: string,
  ): Promise<(T & Stored)[]> {
    const clauses = [
      this.docType ? 'c.docType = @docType' : undefined,
      where ? `(${where})` : undefined,
    ].filter(Boolean);
    const params = this.docType ? [...parameters, { name: '@docType', value: this.docType }] : parameters;
    const query = `SELECT * FROM c${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''}`;
    const { resources } = await this.container.items
      .query<T & Stored>({ query, parameters: params }, partitionKey ? { partitionKey } : {})
      .fetchAll();
    return resources;
  }

  /**
   * Every stored item with one of these ids, in any partition. An id can stand in two partitions
   * for a moment while something moves between teams, so callers get every copy.
   */
  async findByIds(ids: readonly string[]): Promise<T[]> {
    return (await this.findStoredByIds(ids)).map((r) => withoutSystemFields<T>(r));
  }

  /**
   * As `findByIds`, keeping each copy's ETag. Slices are asked for at once; they are large because
   * the local server reads every item of the container for each query (Azure looks ids up).
   */
  async findStoredByIds(ids: readonly string[]): Promise<(T & Stored)[]> {
    const slices: string[][] = [];
    for (let i = 0; i < ids.length; i += ID_SLICE) slices.push(ids.slice(i, i + ID_SLICE));
    const found = await Promise.all(
      slices.map((slice) => this.queryStored('ARRAY_CONTAINS(@ids, c.id)', [{ name: '@ids', value: slice }])),
    );
    return found.flat();
  }

  /** Deletes only if nobody has changed the item since `etag` was read; false when they had. */
  async deleteIfUnchanged(id: string, partitionKey: string, etag: string): Promise<boolean> {
    try {
      await this.container
        .item(id, partitionKey)
        .delete({ accessCondition: { type: 'IfMatch', condition: etag } });
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return true;
      if (isStatus(error, 412)) return false;
      throw error;
    }
  }
}
