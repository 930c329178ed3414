import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import * as z from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

function stringScalar(
  name: string,
  description: string,
  schema: z.ZodString | z.ZodISODateTime | z.ZodISODate,
) {
  const check = (value: unknown): string => {
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      throw new GraphQLError(`${name} must be ${description}; got ${JSON.stringify(value)}`);
    return parsed.data;
  };
  return new GraphQLScalarType({
    name,
    serialize: (value) => (value instanceof Date ? value.toISOString() : check(value)),
    parseValue: check,
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string`, { nodes: ast });
      return check(ast.value);
    },
  });
}

/** ISO 8601 instants and calendar dates, checked by zod on the way in and out. */
export const scalarResolvers = {
  DateTime: stringScalar('DateTime', 'an ISO 8601 date-time with offset', isoDateTime),
  Date: stringScalar('Date', 'a date YYYY-MM-DD', isoDate),
};
