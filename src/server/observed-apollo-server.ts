import type { ApolloServer } from '@apollo/server';
import type { GraphQLContext } from '../../resolvers/context';
import type { RequestObserver } from '../observability/request-observer';
import { BudgetedApolloServer } from './response-budget';

type HttpRequest = Parameters<ApolloServer<GraphQLContext>['executeHTTPGraphQLRequest']>[0];

/**
 * Apollo Server that reports each HTTP request it serves (the Lambda handler's, the local
 * server's, the tests' in-process ones: all come through here) once it is answered: its
 * telemetry is open while it runs, so the edges need no hook of their own.
 */
export class ObservedApolloServer extends BudgetedApolloServer {
  private observer: RequestObserver | undefined;

  /** Sets the observer of every request (before the server starts). */
  withObserver(observer: RequestObserver): this {
    this.observer = observer;
    return this;
  }

  override executeHTTPGraphQLRequest(
    request: HttpRequest,
  ): ReturnType<BudgetedApolloServer['executeHTTPGraphQLRequest']> {
    const observer = this.observer;
    if (!observer) return super.executeHTTPGraphQLRequest(request);
    return observer.observe(
      () => super.executeHTTPGraphQLRequest(request),
      (response) => response.status ?? 200,
    );
  }
}
