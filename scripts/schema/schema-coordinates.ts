/**
 * Schema coordinates (`Type`, `Type.field`, `Type.field.argument`, `Enum.VALUE`,
 * `Input.field`) resolved against a schema, and the deprecation of what they name.
 */
import { type GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';

/** What a coordinate names in a schema, as far as deprecation goes. */
export type Deprecation =
  | { kind: 'absent' }
  | { kind: 'type' }
  /** `deprecated`: the coordinate of the member carrying the reason (an argument's field, maybe). */
  | { kind: 'member'; reason: string | undefined; deprecated: string };

/**
 * Whether the member a coordinate names is deprecated. For an argument, a deprecated argument or
 * a deprecated field both count (a break of an argument is usually answered by a new field).
 */
export function deprecationOf(schema: GraphQLSchema, coordinate: string): Deprecation {
  const [typeName, memberName, argumentName, ...rest] = coordinate.split('.');
  const type = typeName ? schema.getType(typeName) : undefined;
  if (!type || rest.length > 0) return { kind: 'absent' };
  if (!memberName) return { kind: 'type' };
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[memberName];
    if (!field) return { kind: 'absent' };
    const fieldDeprecation = {
      kind: 'member',
      reason: field.deprecationReason ?? undefined,
      deprecated: `${typeName}.${memberName}`,
    } as const;
    if (!argumentName) return fieldDeprecation;
    const argument = field.args.find((a) => a.name === argumentName);
    if (!argument) return { kind: 'absent' };
    if (!argument.deprecationReason) return fieldDeprecation;
    return { kind: 'member', reason: argument.deprecationReason, deprecated: coordinate };
  }
  if (argumentName) return { kind: 'absent' };
  if (isInputObjectType(type)) {
    const field = type.getFields()[memberName];
    if (!field) return { kind: 'absent' };
    return { kind: 'member', reason: field.deprecationReason ?? undefined, deprecated: coordinate };
  }
  if (isEnumType(type)) {
    const value = type.getValue(memberName);
    if (!value) return { kind: 'absent' };
    return { kind: 'member', reason: value.deprecationReason ?? undefined, deprecated: coordinate };
  }
  return { kind: 'absent' };
}

/** Whether the coordinate names something in the schema. */
export function resolvesCoordinate(schema: GraphQLSchema, coordinate: string): boolean {
  return deprecationOf(schema, coordinate).kind !== 'absent';
}
