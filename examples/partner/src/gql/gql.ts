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
    "query PartnerEnrollments($first: Int, $after: String, $since: DateTime) {\n  partnerEnrollments(first: $first, after: $after, updatedSince: $since) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        sequence\n        changeType\n        changedAt\n        status\n        version\n        enrollmentId\n        agencyCode\n        enrollment {\n          program {\n            title\n          }\n          employee {\n            nip\n            name\n          }\n          postTestScore\n          certificateNumber\n        }\n      }\n    }\n  }\n}": typeof types.PartnerEnrollmentsDocument,
};
const documents: Documents = {
    "query PartnerEnrollments($first: Int, $after: String, $since: DateTime) {\n  partnerEnrollments(first: $first, after: $after, updatedSince: $since) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        sequence\n        changeType\n        changedAt\n        status\n        version\n        enrollmentId\n        agencyCode\n        enrollment {\n          program {\n            title\n          }\n          employee {\n            nip\n            name\n          }\n          postTestScore\n          certificateNumber\n        }\n      }\n    }\n  }\n}": types.PartnerEnrollmentsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerEnrollments($first: Int, $after: String, $since: DateTime) {\n  partnerEnrollments(first: $first, after: $after, updatedSince: $since) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        sequence\n        changeType\n        changedAt\n        status\n        version\n        enrollmentId\n        agencyCode\n        enrollment {\n          program {\n            title\n          }\n          employee {\n            nip\n            name\n          }\n          postTestScore\n          certificateNumber\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').PartnerEnrollmentsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
