import type { Resolvers } from '../src/generated/graphql';
import { commonResolvers } from './common';
import { employeeResolvers } from './employee';

/** Every area's resolvers (one module per schema/ file); makeExecutableSchema merges them. */
export const resolvers: Resolvers[] = [commonResolvers, employeeResolvers];
