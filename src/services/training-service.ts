import { idempotencyClaimOf } from '../data/idempotency';
import type { Connection, PageArgs } from '../data/paginate';
import type { ProgramListFilter } from '../data/repositories/training-repository';
import { versionConflict } from '../data/versioned-update';
import { newRecord } from '../domain/record';
import {
  canMoveProgram,
  type Partner,
  type PartnerKind,
  type ProgramStatus,
  type TrainingProgram,
} from '../domain/training';
import type { ProgramCategory, ProgramFormat } from '../domain/training-formats';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors/app-error';
import { requirePartnerScope, requireSameAgency, requireStaff } from './access';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';
import { fillFreeSeats } from './waitlist';

/** Validated input of createTrainingProgram. */
export interface CreateProgramCommand {
  /** Kode program, unique in the agency (already in stored form). */
  code?: string | undefined;
  title: string;
  description?: string | undefined;
  category: ProgramCategory;
  format: ProgramFormat;
  jp: number;
  /** The minutes the duration was given in, if it was (JP are then its whole 45 minutes). */
  durationMinutes?: number | undefined;
  startDate: string;
  endDate: string;
  capacity: number;
  costPerParticipant: number;
  partnerCode?: string | undefined;
  organizerUnit?: Ref | undefined;
  competencies: string[];
  status: ProgramStatus;
  cohort?: number | undefined;
  location?: string | undefined;
  idempotencyKey?: string | undefined;
}

/** Validated input of updateTrainingProgram: undefined = unchanged. */
export type UpdateProgramCommand = { program: Ref; version: number } & Partial<
  Pick<
    TrainingProgram,
    | 'code'
    | 'title'
    | 'description'
    | 'jp'
    | 'durationMinutes'
    | 'startDate'
    | 'endDate'
    | 'capacity'
    | 'costPerParticipant'
    | 'competencies'
    | 'status'
    | 'location'
    | 'cohort'
  >
>;

const EDITORS = ['ADMIN'] as const;

/** Partner institutions and training programs of the caller's agency. */
export function createTrainingService(deps: ServiceDeps) {
  const { training, organization, idempotency, clock, newId } = deps;
  async function requirePartner(scope: RequestScope, agencyId: string, code: string): Promise<Partner> {
    const partner = await training.getPartner(scope.loader, agencyId, code);
    if (!partner)
      throw BadUserInputError.of('input.partnerCode', `no partner with code ${code} in this agency`);
    return partner;
  }

  return {
    /** A partner institution: staff of the agency, or the partner itself (as the provider of its programs). */
    async getPartner(scope: RequestScope, ref: Ref): Promise<Partner | null> {
      const caller = scope.caller;
      if (caller.kind === 'partner' && caller.partnerId === ref.id) {
        requirePartnerScope(caller);
        return (await training.getPartner(scope.loader, ref.agencyId, ref.id)) ?? null;
      }
      requireSameAgency(requireStaff(caller), ref.agencyId);
      return (await training.getPartner(scope.loader, ref.agencyId, ref.id)) ?? null;
    },

    listPartners(scope: RequestScope, page: PageArgs): Promise<Connection<Partner>> {
      return training.listPartners(requireStaff(scope.caller).agencyId, page);
    },

    /** Registers a partner institution (administrators); the code is its stable id. */
    async createPartner(
      scope: RequestScope,
      input: { code: string; name: string; kind: PartnerKind; city?: string | undefined },
    ) {
      const caller = requireStaff(scope.caller, EDITORS);
      const now = clock().toISOString();
      const partner: Partner = {
        ...newRecord(caller.agencyId, input.code, now),
        name: input.name,
        kind: input.kind,
        city: input.city,
      };
      await training.createPartner(partner);
      return partner;
    },

    /** One program: staff of its agency, or the partner providing it (in any agency it serves). */
    async getProgram(scope: RequestScope, ref: Ref): Promise<TrainingProgram | null> {
      const caller = scope.caller;
      if (caller.kind === 'partner') {
        requirePartnerScope(caller);
        const program = await training.getProgram(scope.loader, ref.agencyId, ref.id);
        if (program && program.partnerId !== caller.partnerId)
          throw new ForbiddenError("This program is not one of the partner's");
        return program ?? null;
      }
      requireSameAgency(requireStaff(caller), ref.agencyId);
      return (await training.getProgram(scope.loader, ref.agencyId, ref.id)) ?? null;
    },

    listPrograms(
      scope: RequestScope,
      filter: ProgramListFilter,
      page: PageArgs,
    ): Promise<Connection<TrainingProgram>> {
      return training.listPrograms(requireStaff(scope.caller).agencyId, filter, page);
    },

    /** Creates a program (administrators), optionally provided by a partner institution. */
    async createProgram(scope: RequestScope, input: CreateProgramCommand): Promise<TrainingProgram> {
      const caller = requireStaff(scope.caller, EDITORS);
      const claim = idempotencyClaimOf(caller.agencyId, 'createTrainingProgram', input);
      return idempotency.once(
        claim,
        async () => {
          if (input.partnerCode) await requirePartner(scope, caller.agencyId, input.partnerCode);
          if (input.organizerUnit) {
            requireSameAgency(caller, input.organizerUnit.agencyId);
            const unit = await organization.getUnit(scope.loader, caller.agencyId, input.organizerUnit.id);
            if (!unit) throw BadUserInputError.of('input.organizerUnitId', 'no such unit in this agency');
          }
          const now = clock();
          const program: TrainingProgram = {
            ...newRecord(caller.agencyId, newId(), now.toISOString()),
            title: input.title,
            description: input.description,
            category: input.category,
            code: input.code,
            format: input.format,
            jp: input.jp,
            durationMinutes: input.durationMinutes,
            startDate: input.startDate,
            endDate: input.endDate,
            capacity: input.capacity,
            costPerParticipant: input.costPerParticipant,
            partnerId: input.partnerCode,
            organizerUnitId: input.organizerUnit?.id,
            competencies: input.competencies,
            status: input.status,
            cohort: input.cohort,
            location: input.location,
            seatsTaken: 0,
            waitlistCount: 0,
            completedCount: 0,
          };
          await training.createProgram(program, now, claim);
          return program;
        },
        { type: 'TrainingProgram', load: (id) => training.getProgramLatest(caller.agencyId, id) },
      );
    },

    /**
     * Changes a program (administrators) if `version` is current. Capacity cannot drop below the
     * seats taken; raising it gives the new seats to the waitlist in order.
     */
    async updateProgram(scope: RequestScope, input: UpdateProgramCommand): Promise<TrainingProgram> {
      const caller = requireStaff(scope.caller, EDITORS);
      requireSameAgency(caller, input.program.agencyId);
      const current = await training.getProgramLatest(input.program.agencyId, input.program.id);
      if (!current) throw new NotFoundError('TrainingProgram', input.program.id);
      if (current.version !== input.version) throw versionConflict('TrainingProgram', input.version, current);
      const { program: _ref, version: _version, ...changes } = input;
      const next: TrainingProgram = {
        ...current,
        // A new JP without minutes replaces the minutes given before (they would contradict it).
        ...(changes.jp !== undefined ? { durationMinutes: undefined } : {}),
        ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
        version: current.version + 1,
        updatedAt: clock().toISOString(),
      };
      if (next.endDate < next.startDate)
        throw BadUserInputError.of('input.endDate', 'must not be before startDate');
      if (next.capacity < current.seatsTaken) {
        throw BadUserInputError.of(
          'input.capacity',
          `must be at least the ${current.seatsTaken} seats already taken`,
        );
      }
      if (!canMoveProgram(current.status, next.status)) {
        throw BadUserInputError.of(
          'input.status',
          `a ${current.status} program cannot become ${next.status}`,
        );
      }
      await training.updateProgram(current, next);
      if (next.capacity > current.capacity) await fillFreeSeats(deps, next.agencyId, next.id);
      return (await training.getProgramLatest(next.agencyId, next.id)) ?? next;
    },
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
