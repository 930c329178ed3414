import type { Resolvers } from '../src/generated/graphql';
import { parseInput } from './parse-input';
import { InviteToProgramInput, RespondToInvitationInput } from './participation.inputs';

/** Invitations to programs and their answers (participation and resistance). */
export const participationResolvers: Resolvers = {
  Mutation: {
    inviteToProgram: (_, { input }, ctx) =>
      ctx.services.invitations.invite(ctx, parseInput(InviteToProgramInput, input)),
    respondToInvitation: (_, { input }, ctx) =>
      ctx.services.invitations.respond(ctx, parseInput(RespondToInvitationInput, input)),
  },
  Enrollment: {
    invitedAt: (e) => e.invitedAt ?? null,
    respondBy: (e) => e.respondBy ?? null,
    acceptedAt: (e) => e.acceptedAt ?? null,
    declinedAt: (e) => e.declinedAt ?? null,
    declineReason: (e) => e.declineReason ?? null,
    declineNote: (e) => e.declineNote ?? null,
  },
};
