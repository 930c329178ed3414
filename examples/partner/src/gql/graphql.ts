/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What happened to an enrollment (jenis perubahan), as a partner institution sees it. */
export type EnrollmentChangeType =
  /** The enrollment was dropped or cancelled: a tombstone; the id stays valid. */
  | 'CANCELLED'
  /** The participant completed the program (JP credited, certificate issued). */
  | 'COMPLETED'
  /** The employee enrolled or joined the waitlist. */
  | 'CREATED'
  /** The enrollment changed (e.g. promoted from the waitlist to a seat, a no-show recorded). */
  | 'UPDATED';

/** Status of an enrollment (status kepesertaan). */
export type EnrollmentStatus =
  /** Completed; JP credited and certificate issued (lulus). */
  | 'COMPLETED'
  /** Invitation declined by the employee (undangan ditolak); holds no seat. */
  | 'DECLINED'
  /** Withdrew or was withdrawn (mengundurkan diri). */
  | 'DROPPED'
  /** Holds a seat (terdaftar). */
  | 'ENROLLED'
  /** Invited but not enrolled yet (diundang). */
  | 'INVITED'
  /** Held a seat but did not attend (tidak hadir). */
  | 'NO_SHOW'
  /** Waiting for a seat (daftar tunggu). */
  | 'WAITLISTED';

export type PartnerEnrollmentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  since?: string | null | undefined;
}>;


export type PartnerEnrollmentsQuery = { partnerEnrollments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { sequence: number, changeType: EnrollmentChangeType, changedAt: string, status: EnrollmentStatus, version: number, enrollmentId: string, agencyCode: string, enrollment: { postTestScore: number | null, certificateNumber: string | null, program: { title: string }, employee: { nip: string, name: string } } | null } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const PartnerEnrollmentsDocument = new TypedDocumentString(`
    query PartnerEnrollments($first: Int, $after: String, $since: DateTime) {
  partnerEnrollments(first: $first, after: $after, updatedSince: $since) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        sequence
        changeType
        changedAt
        status
        version
        enrollmentId
        agencyCode
        enrollment {
          program {
            title
          }
          employee {
            nip
            name
          }
          postTestScore
          certificateNumber
        }
      }
    }
  }
}
    `, {"hash":"997210ee61c48e7739edd80a832e4b79ae3b4086893b108390dd5e4e91d7ddd8"}) as unknown as TypedDocumentString<PartnerEnrollmentsQuery, PartnerEnrollmentsQueryVariables>;