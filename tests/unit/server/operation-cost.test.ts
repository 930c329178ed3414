import {
  buildSchema,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { cardinalityOf } from '../../../src/domain/analytics/max-groups';
import { apiCostModel } from '../../../src/server/cost-model';
import { executableSchema } from '../../../src/server/create-server';
import { type CostModel, operationCost } from '../../../src/server/operation-cost';

const schema = buildSchema(`
  type Query { items(first: Int, after: String): ItemConnection!, item(id: ID!): Item, tags: [Tag!]! }
  type ItemConnection { totalCount: Int!, edges: [ItemEdge!]!, pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean! }
  type ItemEdge { node: Item! }
  type Item { name: String!, children(first: Int = 50): ItemConnection!, tags: [Tag!]! }
  type Tag { label: String! }
`);
const model: CostModel = {
  defaultPageSize: 20,
  defaultListSize: 100,
  totalCountCost: 10,
  listSizes: { 'Item.tags': 3 },
  argumentSizers: {},
};

function costOf(
  query: string,
  variables: Record<string, unknown> = {},
  stopAbove = 1e12,
): number | undefined {
  const document = parse(query);
  const operation = document.definitions.find(
    (d) => d.kind === 'OperationDefinition',
  ) as OperationDefinitionNode;
  return operationCost({ schema, document, operation, variables, model, stopAbove });
}

describe('operation cost', () => {
  it('counts a connection by `first` whether it is literal, a variable or the default', () => {
    // items 1 + edges 1 + 10 x (node 1 + name 1)
    expect(costOf('{ items(first: 10) { edges { node { name } } } }')).toBe(22);
    expect(costOf('query($n: Int) { items(first: $n) { edges { node { name } } } }', { n: 10 })).toBe(22);
    expect(costOf('query($n: Int = 10) { items(first: $n) { edges { node { name } } } }')).toBe(22);
    // No first: the API's default page of 20.
    expect(costOf('{ items { edges { node { name } } } }')).toBe(42);
    // A schema default (children(first: Int = 50)) applies too.
    expect(costOf('{ item(id: 1) { children { edges { node { name } } } } }')).toBe(1 + 1 + 1 + 50 * 2);
  });

  it('multiplies nested pages and counts totalCount as a COUNT query', () => {
    const nested =
      'query($n: Int) { items(first: $n) { totalCount edges { node { children(first: $n) { edges { node { name } } } } } } }';
    // items 1 + totalCount 11 + edges 1 + n x (node 1 + children 1 + edges 1 + n x (node 1 + name 1))
    expect(costOf(nested, { n: 100 })).toBe(1 + 11 + 1 + 100 * (3 + 100 * 2));
  });

  it('counts every alias and every use of a fragment', () => {
    const one = costOf('{ items(first: 5) { edges { node { name } } } }') ?? 0;
    expect(
      costOf(
        '{ a: items(first: 5) { edges { node { name } } } b: items(first: 5) { edges { node { name } } } }',
      ),
    ).toBe(2 * one);
    expect(
      costOf(
        '{ a: items(first: 5) { ...F } b: items(first: 5) { ...F } } fragment F on ItemConnection { edges { node { name } } }',
      ),
    ).toBe(2 * one);
  });

  it('honours @skip and @include with their variables, and uses known list sizes', () => {
    expect(costOf('query($s: Boolean!) { items(first: 5) @skip(if: $s) { totalCount } }', { s: true })).toBe(
      0,
    );
    expect(
      costOf('query($i: Boolean!) { items(first: 5) @include(if: $i) { totalCount } }', { i: true }),
    ).toBe(12);
    expect(costOf('{ item(id: 1) { tags { label } } }')).toBe(1 + 1 + 3);
    // A list with no known bound counts generously.
    expect(costOf('{ tags { label } }')).toBe(1 + 100);
  });

  it('gives up on variables that do not coerce (execution refuses them before any resolver)', () => {
    expect(costOf('query($n: Int) { items(first: $n) { totalCount } }', { n: 'many' })).toBeUndefined();
  });

  it('stops walking an exponential fragment tree: the walk is bounded, the cost over any limit', () => {
    const levels = Array.from(
      { length: 12 },
      (_, i) =>
        `fragment F${i} on Item { a: children(first: 0) { edges { node { ...F${i + 1} } } } b: children(first: 0) { edges { node { ...F${i + 1} } } } }`,
    ).join('\n');
    const query = `{ item(id: 1) { ...F0 } } ${levels} fragment F12 on Item { name }`;
    const document = parse(query);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const cost = operationCost({
      schema,
      document,
      operation,
      variables: {},
      model,
      stopAbove: 1e12,
      maxVisits: 1_000,
    });
    expect(cost).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("the API's cost model", () => {
  it('knows a bound for every list of objects in the served schema (a new list must be sized here)', () => {
    const api = apiCostModel(
      {
        values: cardinalityOf({ units: 1, regions: 1, programs: 1, partners: 1 }),
        firstMonth: undefined,
        lastMonth: undefined,
      },
      new Date(),
    );
    const sized = new Set([
      ...Object.keys(api.listSizes),
      ...Object.values(api.argumentSizers).flatMap((sizer) => Object.keys(sizer({}))),
    ]);
    const served = executableSchema();
    const unbounded: string[] = [];
    for (const type of Object.values(served.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const listOfObjects =
          isListType(getNullableType(field.type)) && isObjectType(getNamedType(field.type));
        const connectionEdges = field.name === 'edges' && type.name.endsWith('Connection');
        if (listOfObjects && !connectionEdges && !sized.has(`${type.name}.${field.name}`))
          unbounded.push(`${type.name}.${field.name}`);
      }
    }
    expect(unbounded).toEqual([]);
  });
});
