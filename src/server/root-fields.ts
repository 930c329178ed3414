import type { GraphQLField, GraphQLSchema } from 'graphql';

/** A root field of the schema under the name the access policy uses (`Query.me`, `Mutation.createEmployee`). */
export interface RootField {
  /** `Query.<field>` or `Mutation.<field>`. */
  name: string;
  root: 'Query' | 'Mutation';
  field: GraphQLField<unknown, unknown>;
}

/** Every Query field, then every Mutation field, in the SDL's order. */
export function rootFieldsOf(schema: GraphQLSchema): RootField[] {
  const roots = [
    ['Query', schema.getQueryType()],
    ['Mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([root, type]) =>
    Object.values(type?.getFields() ?? {}).map((field) => ({ name: `${root}.${field.name}`, root, field })),
  );
}
