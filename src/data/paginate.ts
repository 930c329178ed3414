import { BadUserInputError } from '../errors/app-error';
import type { CursorCodec } from './cursor';
import type { Item, QuerySpec, Table } from './table';
import { GLOBAL_INDEXES, TABLE_KEYS } from './table-definition';

/** Relay pagination arguments, as received from GraphQL. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A page of a Relay connection; `totalCount` runs only when the client asks for it. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/** Validated page size: 0–100, default 20. */
export function pageSize(first: number | null | undefined, field = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw BadUserInputError.of(field, `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/** The key attributes that locate an item in the table or index the query runs on. */
function positionOf(item: Item, spec: QuerySpec): Item {
  const position: Item = { [TABLE_KEYS.partitionKey]: item.pk, [TABLE_KEYS.sortKey]: item.sk };
  const index = GLOBAL_INDEXES.find((i) => i.indexName === spec.index);
  if (index) {
    position[index.partitionKey] = item[index.partitionKey];
    position[index.sortKey] = item[index.sortKey];
  }
  return position;
}

/**
 * One page of a query as a Relay connection. Filters are applied by DynamoDB after the key
 * condition, so pages are filled by reading on until `first + 1` items match.
 */
export async function queryConnection<T>(
  table: Table,
  codec: CursorCodec,
  spec: QuerySpec,
  args: PageArgs,
  toNode: (item: Item) => T,
): Promise<Connection<T>> {
  const first = pageSize(args.first);
  const scope = JSON.stringify(['query', spec]);
  const startKey = args.after ? codec.decode(args.after, scope, 'after') : undefined;
  const matched: Item[] = [];
  let next = startKey;
  const filtered = Boolean(spec.filters?.length);
  while (first > 0 && matched.length <= first) {
    const page = await table.queryPage(spec, filtered ? MAX_PAGE_SIZE : first + 1 - matched.length, next);
    matched.push(...page.items);
    next = page.lastKey;
    if (!next) break;
  }
  const items = matched.slice(0, first);
  const edges = items.map((item) => ({
    cursor: codec.encode(positionOf(item, spec), scope),
    node: toNode(item),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: matched.length > first,
      hasPreviousPage: Boolean(startKey),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: memo(() => table.count(spec)),
  };
}

/** A Relay connection over an in-memory list (bounded lists), with offset cursors bound to `scope`. */
export function listConnection<T>(
  codec: CursorCodec,
  scope: string,
  all: readonly T[],
  args: PageArgs,
): Connection<T> {
  const first = pageSize(args.first);
  const fullScope = JSON.stringify(['list', scope]);
  const start = args.after ? Number(codec.decode(args.after, fullScope, 'after').offset) + 1 : 0;
  if (!Number.isInteger(start) || start < 0) throw BadUserInputError.of('after', 'cursor is malformed');
  const edges = all
    .slice(start, start + first)
    .map((node, i) => ({ cursor: codec.encode({ offset: start + i }, fullScope), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: start + first < all.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: async () => all.length,
  };
}

function memo<T>(fn: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => {
    result ??= fn();
    return result;
  };
}

/**
 * A Relay connection over a bounded id list kept on a parent item: the page's ids are sliced
 * first and only those nodes loaded (with the request's batching loader), so a page of parents
 * loads all its children in one BatchGetItem.
 */
export async function idListConnection<T>(
  codec: CursorCodec,
  scope: string,
  ids: readonly string[],
  args: PageArgs,
  load: (ids: string[]) => Promise<(T | undefined)[]>,
): Promise<Connection<T>> {
  const page = listConnection(codec, scope, ids, args);
  const nodes = await load(page.edges.map((edge) => edge.node));
  const edges = page.edges.flatMap((edge, i) => {
    const node = nodes[i];
    return node === undefined ? [] : [{ cursor: edge.cursor, node }];
  });
  return { ...page, edges };
}
