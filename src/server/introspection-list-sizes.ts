import {
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';

const cache = new WeakMap<GraphQLSchema, Record<string, number>>();

/** Total over every type, divided by the number of types (those without such a list count 0). */
const perType = (total: number, types: number) => (types === 0 ? 0 : Math.ceil(total / types));
const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

/**
 * Sizes of the introspection lists for the operation cost (where introspection is on): the number
 * of types and directives, and per type the mean number of fields, input fields, enum values...
 * over all types (an enum has no fields). Means, not maxima: `__schema { types { fields { args } } }`
 * then counts about the schema's real size, while a query recursing through
 * `type { fields { type { fields ... } } }` still multiplies as it would run.
 */
export function introspectionListSizes(schema: GraphQLSchema): Record<string, number> {
  const known = cache.get(schema);
  if (known) return known;
  const types = Object.values(schema.getTypeMap());
  const n = types.length;
  const withFields = types.filter((t) => isObjectType(t) || isInterfaceType(t));
  const fields = withFields.flatMap((t) => Object.values(t.getFields()));
  const abstract = types.filter((t) => isUnionType(t) || isInterfaceType(t));
  const sizes = {
    '__Schema.types': n,
    '__Schema.directives': schema.getDirectives().length,
    '__Type.fields': perType(fields.length, n),
    '__Type.interfaces': perType(sum(withFields.map((t) => t.getInterfaces().length)), n),
    '__Type.possibleTypes': perType(sum(abstract.map((t) => schema.getPossibleTypes(t).length)), n),
    '__Type.enumValues': perType(sum(types.filter(isEnumType).map((t) => t.getValues().length)), n),
    '__Type.inputFields': perType(
      sum(types.filter(isInputObjectType).map((t) => Object.keys(t.getFields()).length)),
      n,
    ),
    '__Field.args': perType(sum(fields.map((f) => f.args.length)), fields.length),
    '__Directive.args': perType(
      sum(schema.getDirectives().map((d) => d.args.length)),
      schema.getDirectives().length,
    ),
  };
  cache.set(schema, sizes);
  return sizes;
}
