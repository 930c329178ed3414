import {
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';

const cache = new WeakMap<GraphQLSchema, Record<string, number>>();

const mean = (counts: number[]) =>
  counts.length === 0 ? 0 : Math.ceil(counts.reduce((a, b) => a + b, 0) / counts.length);

/**
 * Sizes of the introspection lists for the operation cost (where introspection is on): the number
 * of types and directives, and per type the mean number of fields, arguments, enum values...
 * Means, not maxima: `__schema { types { fields { args } } }` then counts about the schema's
 * real size, while a query recursing through `type { fields { type { fields ... } } }` still
 * multiplies as it would run.
 */
export function introspectionListSizes(schema: GraphQLSchema): Record<string, number> {
  const known = cache.get(schema);
  if (known) return known;
  const types = Object.values(schema.getTypeMap());
  const withFields = types.filter((t) => isObjectType(t) || isInterfaceType(t));
  const fields = withFields.flatMap((t) => Object.values(t.getFields()));
  const sizes = {
    '__Schema.types': types.length,
    '__Schema.directives': schema.getDirectives().length,
    '__Type.fields': mean(withFields.map((t) => Object.keys(t.getFields()).length)),
    '__Type.interfaces': mean(withFields.map((t) => t.getInterfaces().length)),
    '__Type.possibleTypes': mean(
      types.filter((t) => isUnionType(t) || isInterfaceType(t)).map((t) => schema.getPossibleTypes(t).length),
    ),
    '__Type.enumValues': mean(types.filter(isEnumType).map((t) => t.getValues().length)),
    '__Type.inputFields': mean(types.filter(isInputObjectType).map((t) => Object.keys(t.getFields()).length)),
    '__Field.args': mean(fields.map((f) => f.args.length)),
    '__Directive.args': mean(schema.getDirectives().map((d) => d.args.length)),
  };
  cache.set(schema, sizes);
  return sizes;
}
