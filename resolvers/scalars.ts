import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import * as z from 'zod';
import { type LazySchema, lazySchema } from '../src/validation/lazy-schema';

const isoDateTime = lazySchema(() => z.iso.datetime({ offset: true }));
const isoDate = lazySchema(() => z.iso.date());

/**
 * Only the coercion functions of a scalar, as an object that still is a GraphQLScalarType:
 * graphql-tools copies every enumerable property of a scalar resolver onto the schema's type,
 * so a full scalar would replace the SDL's description (and name, astNode) with its own, empty one.
 */
function coercionOnly(scalar: GraphQLScalarType): GraphQLScalarType {
  const { serialize, parseValue, parseLiteral } = scalar;
  return Object.assign(Object.create(GraphQLScalarType.prototype) as GraphQLScalarType, {
    serialize,
    parseValue,
    parseLiteral,
  });
}

function stringScalar(
  name: string,
  description: string,
  schema: LazySchema<z.ZodString | z.ZodISODateTime | z.ZodISODate>,
) {
  const check = (value: unknown): string => {
    const parsed = schema().safeParse(value);
    if (!parsed.success)
      throw new GraphQLError(`${name} must be ${description}; got ${JSON.stringify(value)}`);
    return parsed.data;
  };
  return coercionOnly(
    new GraphQLScalarType({
      name,
      serialize: (value) => (value instanceof Date ? value.toISOString() : check(value)),
      parseValue: check,
      parseLiteral: (ast) => {
        if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string`, { nodes: ast });
        return check(ast.value);
      },
    }),
  );
}

/** ISO 8601 instants and calendar dates, checked by zod on the way in and out (descriptions: schema/common.graphql). */
export const scalarResolvers = {
  DateTime: stringScalar('DateTime', 'an ISO 8601 date-time with offset', isoDateTime),
  Date: stringScalar('Date', 'a date YYYY-MM-DD', isoDate),
};
