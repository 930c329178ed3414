import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
} from 'graphql';
import { introspectionListSizes } from './introspection-list-sizes';

/** How big each list of an operation can be, for what graphql-js cannot know by itself. */
export interface CostModel {
  /** Page size of a connection whose `first` is not given. */
  defaultPageSize: number;
  /** Items assumed for an object list with no known bound (a new list field is counted generously). */
  defaultListSize: number;
  /** Extra cost of one `totalCount` (a COUNT query over a partition). */
  totalCountCost: number;
  /** Known bounds of lists by coordinate (`SatisfactionSummary.elements`: 9). */
  listSizes: Readonly<Record<string, number>>;
  /**
   * Sizes a field's arguments give to lists below it (`aggregate(input)` sets
   * `AggregateResult.groups`); by coordinate of the field.
   */
  argumentSizers: Readonly<Record<string, (args: Record<string, unknown>) => Record<string, number>>>;
}

/**
 * The cost of an operation after its variables and defaults are applied: every field it would
 * resolve counts 1, multiplied by the size of every list above it. A connection's `edges` count
 * by its page size (`first`, literal, variable or default); other lists by `CostModel`. Both
 * branches of a fragment on an abstract type count (an upper bound). Stops counting once past
 * `stopAbove` (the walk itself is bounded: `maxVisits` fields). `undefined` when the variables do
 * not coerce: execution refuses such a request before any resolver runs.
 */
export function operationCost(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  model: CostModel;
  stopAbove: number;
  maxVisits?: number;
}): number | undefined {
  const { schema, document, operation, model, stopAbove } = options;
  const maxVisits = options.maxVisits ?? 100_000;
  const variables = coercedVariables(schema, operation, options.variables);
  if (!variables) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const introspectionSizes = introspectionListSizes(schema);
  let cost = 0;
  let visits = 0;

  const skipped = (node: FieldNode | SelectionSetNode['selections'][number]) =>
    getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true ||
    getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if === false;

  const walk = (set: SelectionSetNode, type: GraphQLNamedType, times: number, sizes: Map<string, number>) => {
    for (const selection of set.selections) {
      if (cost > stopAbove || visits > maxVisits) return;
      if (skipped(selection)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (on) walk(selection.selectionSet, on, times, sizes);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && on) walk(fragment.selectionSet, on, times, sizes);
      } else {
        visits += 1;
        field(selection, type, times, sizes);
      }
    }
  };

  const field = (node: FieldNode, parent: GraphQLNamedType, times: number, sizes: Map<string, number>) => {
    const name = node.name.value;
    const def =
      name === '__schema'
        ? SchemaMetaFieldDef
        : name === '__type'
          ? TypeMetaFieldDef
          : fieldsOf(parent)?.[name];
    const coordinate = `${parent.name}.${name}`;
    const extra = name === 'totalCount' && parent.name.endsWith('Connection') ? model.totalCountCost : 0;
    cost += times * (1 + extra);
    if (!def || !node.selectionSet) return;
    const returned = getNamedType(def.type);
    const args = argumentsOf(def, node, variables);
    const paged = def.args.some((arg) => arg.name === 'first');
    const below = childSizes(coordinate, returned, args, paged, sizes);
    const list = isListType(getNullableType(def.type));
    const size = list
      ? (sizes.get(coordinate) ??
        model.listSizes[coordinate] ??
        introspectionSizes[coordinate] ??
        model.defaultListSize)
      : 1;
    walk(node.selectionSet, returned, times * Math.max(0, size), below);
  };

  const childSizes = (
    coordinate: string,
    returned: GraphQLNamedType,
    args: Record<string, unknown>,
    paged: boolean,
    sizes: Map<string, number>,
  ): Map<string, number> => {
    const set: Record<string, number> = { ...model.argumentSizers[coordinate]?.(args) };
    const edges = isObjectType(returned) ? returned.getFields().edges : undefined;
    if (edges && paged) {
      const first = args.first;
      set[`${returned.name}.edges`] = typeof first === 'number' ? first : model.defaultPageSize;
    }
    if (Object.keys(set).length === 0) return sizes;
    return new Map([...sizes, ...Object.entries(set)]);
  };

  if (!operation.selectionSet) return 0;
  const root = schema.getRootType(operation.operation);
  if (root) walk(operation.selectionSet, root, 1, new Map());
  return visits > maxVisits ? Number.POSITIVE_INFINITY : cost;
}

function fieldsOf(type: GraphQLNamedType) {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : undefined;
}

function argumentsOf(
  def: Parameters<typeof getArgumentValues>[0],
  node: FieldNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  try {
    return getArgumentValues(def, node, variables);
  } catch {
    // An argument that does not coerce fails execution before the resolver: count no sizes.
    return {};
  }
}

function coercedVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  given: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], given, { maxErrors: 1 });
  return 'coerced' in result ? result.coerced : undefined;
}
