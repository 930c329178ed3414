/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query DashboardSeries($input: AggregateInput!) {\n  me {\n    role\n    agency {\n      name\n    }\n  }\n  aggregate(input: $input) {\n    asOf\n    groups {\n      key {\n        dimension\n        value\n        label\n      }\n      values {\n        measure\n        value\n      }\n    }\n    totals {\n      measure\n      value\n    }\n  }\n}": typeof types.DashboardSeriesDocument,
    "query MeasureCatalog {\n  aggregateCapabilities {\n    measures {\n      measure\n      description\n      timeGrain\n      dimensions\n    }\n  }\n}": typeof types.MeasureCatalogDocument,
};
const documents: Documents = {
    "query DashboardSeries($input: AggregateInput!) {\n  me {\n    role\n    agency {\n      name\n    }\n  }\n  aggregate(input: $input) {\n    asOf\n    groups {\n      key {\n        dimension\n        value\n        label\n      }\n      values {\n        measure\n        value\n      }\n    }\n    totals {\n      measure\n      value\n    }\n  }\n}": types.DashboardSeriesDocument,
    "query MeasureCatalog {\n  aggregateCapabilities {\n    measures {\n      measure\n      description\n      timeGrain\n      dimensions\n    }\n  }\n}": types.MeasureCatalogDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardSeries($input: AggregateInput!) {\n  me {\n    role\n    agency {\n      name\n    }\n  }\n  aggregate(input: $input) {\n    asOf\n    groups {\n      key {\n        dimension\n        value\n        label\n      }\n      values {\n        measure\n        value\n      }\n    }\n    totals {\n      measure\n      value\n    }\n  }\n}"): typeof import('./graphql').DashboardSeriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MeasureCatalog {\n  aggregateCapabilities {\n    measures {\n      measure\n      description\n      timeGrain\n      dimensions\n    }\n  }\n}"): typeof import('./graphql').MeasureCatalogDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
