import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../resolvers/context';
import type { TrustedDocuments } from '../auth/trusted-documents';
import { ForbiddenError } from '../errors/app-error';

/** `extensions.deniedBy` of a strict client's refused document. */
export const DENIED_BY_TRUSTED_DOCUMENTS = 'TRUSTED_DOCUMENTS';

function refuse(reason: string): ForbiddenError {
  const error = new ForbiddenError(reason);
  error.extensions.deniedBy = DENIED_BY_TRUSTED_DOCUMENTS;
  error.extensions.http = { status: 403 };
  return error;
}

/**
 * What a refused request runs instead of its document: Apollo fails a request with a 500 when a
 * plugin throws before the operation is resolved, so the refusal is raised once it is (a typed
 * 403), and the untrusted document is never parsed.
 */
const PLACEHOLDER = '{ __typename }';

/**
 * Trusted documents: a request may name its operation by hash, in the persisted-query extension
 * (`extensions.persistedQuery.sha256Hash`), and the document is taken from the manifests. A
 * client configured as strict may send nothing else: another hash, a document that is not the
 * one under its hash, or a document without a hash is refused with FORBIDDEN (HTTP 403), its
 * document never parsed.
 */
export function trustedDocumentsPlugin(trusted: TrustedDocuments): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const { persistedQuery, ...otherExtensions } = request.extensions ?? {};
      const sha256Hash = (persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
      const hash = typeof sha256Hash === 'string' ? sha256Hash : undefined;
      const strict = trusted.strictFor(contextValue.caller);
      if (!strict) {
        // Anyone may send a trusted document by its hash alone.
        if (hash && request.query === undefined) request.query = trusted.byHash(hash);
        return;
      }
      const document = hash ? strict.get(hash) : undefined;
      const refusal = !document
        ? refuse(
            'This client sends only its trusted documents, named by their sha256 hash (extensions.persistedQuery)',
          )
        : request.query !== undefined && request.query !== document
          ? refuse('The document sent is not the trusted document under its hash')
          : undefined;
      if (!refusal) {
        request.query = document;
        return;
      }
      request.query = PLACEHOLDER;
      request.operationName = undefined;
      request.extensions = otherExtensions;
      return {
        async didResolveOperation() {
          throw refusal;
        },
      };
    },
  };
}
