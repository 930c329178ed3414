import type { StaffRole } from '../auth/caller';
import type { Connection, PageArgs } from '../data/paginate';
import type { CalendarRepository } from '../data/repositories/calendar-repository';
import type { FeedbackListFilter, FeedbackRepository } from '../data/repositories/feedback-repository';
import type { OrganizationRepository } from '../data/repositories/organization-repository';
import { versionConflict } from '../data/versioned-update';
import { addDays, endOfJakartaDayMs, jakartaDateOf } from '../domain/calendar-date';
import { complaintDeadlines, yearsCountedFrom } from '../domain/complaint-deadlines';
import {
  type Feedback,
  type FeedbackChannel,
  type FeedbackContact,
  type FeedbackKind,
  isComplaintKind,
  type ModerationStatus,
  storedDeadlines,
} from '../domain/feedback';
import {
  elementMeans,
  IKM_BAND_LABELS,
  IKM_ELEMENTS,
  type IkmBand,
  ikmFromSums,
  type SurveyAnswers,
} from '../domain/ikm';
import type { Unit } from '../domain/organization';
import { newRecord } from '../domain/record';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import type { Ref, RequestScope } from './request-scope';
import { createVisibility } from './visibility';
import { workCalendarFor } from './work-calendar';

/** What a gate sees of a public submission before anything is read or written. */
export interface FeedbackGateRequest {
  /** The client's address, when the entry point knows it. */
  sourceIp?: string | undefined;
  agencyId: string;
  unitId: string;
}

/**
 * Decides whether a public submission may proceed (the place for rate limiting); refuses by
 * throwing an AppError such as RateLimitedError. Runs before the unit is read.
 */
export interface FeedbackGate {
  admit(request: FeedbackGateRequest): Promise<void>;
}

/** IKM of a set of responses, with the mean answer per element; index, score and band null without responses. */
export interface SatisfactionSummary {
  responses: number;
  index: number | null;
  score: number | null;
  band: IkmBand | null;
  bandLabel: string | null;
  elements: { code: string; name: string; mean: number }[];
}

/** Sums the answers per element and scores the sums (PermenPANRB 14/2017: never an average of averages). */
function satisfactionOf(responses: readonly SurveyAnswers[]): SatisfactionSummary {
  if (responses.length === 0) {
    return { responses: 0, index: null, score: null, band: null, bandLabel: null, elements: [] };
  }
  const sums = IKM_ELEMENTS.map((_, i) => responses.reduce((sum, answers) => sum + (answers[i] ?? 0), 0));
  const scored = ikmFromSums(sums, responses.length);
  if (!scored.ok) throw new Error(`Stored survey answers do not add up: ${scored.reason}`);
  const means = elementMeans(sums, responses.length);
  return {
    responses: responses.length,
    index: scored.value.ikm,
    score: scored.value.score,
    band: scored.value.band,
    bandLabel: IKM_BAND_LABELS[scored.value.band],
    elements: IKM_ELEMENTS.map((element, i) => ({
      code: element.code,
      name: element.name,
      mean: means[i] ?? 0,
    })),
  };
}

/** Validated input of submitFeedback. */
export interface SubmitFeedbackCommand {
  unit: Ref;
  serviceName: string;
  channel: FeedbackChannel;
  kind?: FeedbackKind | undefined;
  surveyAnswers?: SurveyAnswers | undefined;
  text?: string | undefined;
  contact?: FeedbackContact | undefined;
}

/** Feedback list filter: the unit as a reference (checked against the caller's agency), overdue as a flag. */
export type FeedbackFilter = Omit<FeedbackListFilter, 'unitId' | 'resolutionDueBy'> & {
  unit?: Ref | undefined;
  overdueOnly?: boolean | undefined;
};

/** Validated input of the complaint and moderation mutations. */
export interface FeedbackChangeCommand {
  feedback: Ref;
  version: number;
}

export interface FeedbackServiceDeps {
  feedback: FeedbackRepository;
  organization: OrganizationRepository;
  calendars: CalendarRepository;
  clock: () => Date;
  newId: () => string;
  gate: FeedbackGate;
}

const HANDLERS = ['ADMIN', 'UNIT_HEAD'] as const;
const MODERATORS = ['ADMIN'] as const;

/**
 * Complaint deadlines fall at the end of a Jakarta day, so the complaints overdue now are those
 * due by the end of yesterday (WIB); the cut-off stays the same all day, and so do list cursors.
 */
function overdueCutoff(now: Date): string {
  return new Date(endOfJakartaDayMs(addDays(jakartaDateOf(now.getTime()), -1))).toISOString();
}

/** Feedback from the public: submitting (anyone), reading, answering and moderating it (staff). */
export function createFeedbackService({
  feedback,
  organization,
  calendars,
  clock,
  newId,
  gate,
}: FeedbackServiceDeps) {
  const visibility = createVisibility(organization);
  /** The current entry for a complaint or moderation change, after the caller's rights are checked. */
  async function changeable(scope: RequestScope, input: FeedbackChangeCommand, roles: readonly StaffRole[]) {
    const caller = requireStaff(scope.caller, roles);
    requireSameAgency(caller, input.feedback.agencyId);
    const current = await feedback.getLatest(input.feedback.agencyId, input.feedback.id);
    if (!current) throw new NotFoundError('Feedback', input.feedback.id);
    if (caller.role === 'UNIT_HEAD' && caller.unitId !== current.unitId) {
      throw new ForbiddenError('Only an administrator or the head of its unit may handle this feedback');
    }
    return current;
  }

  /** A complaint still open at `version`; BAD_USER_INPUT for other kinds, CONFLICT when stale or resolved. */
  function requireOpenComplaint(current: Feedback, version: number) {
    if (!isComplaintKind(current.kind))
      throw BadUserInputError.of('input.feedbackId', `is not a complaint (kind ${current.kind})`);
    if (current.version !== version) throw versionConflict('Feedback', version, current);
    if (current.resolvedAt)
      throw new ConflictError('The complaint is already resolved', { field: 'input.feedbackId' });
  }

  async function save(current: Feedback, changes: Partial<Feedback>): Promise<Feedback> {
    const next: Feedback = {
      ...current,
      ...changes,
      version: current.version + 1,
      updatedAt: clock().toISOString(),
    };
    await feedback.update(current, next);
    return next;
  }

  return {
    /** Stores feedback from anyone; the result carries its IKM but never the contact details. */
    async submit(scope: RequestScope, input: SubmitFeedbackCommand): Promise<Feedback> {
      const kind = input.kind ?? (input.surveyAnswers ? 'SURVEY' : 'SUGGESTION');
      if (kind === 'SURVEY' && !input.surveyAnswers)
        throw BadUserInputError.of('input.surveyAnswers', 'a SURVEY needs the nine answers');
      await gate.admit({ sourceIp: scope.sourceIp, agencyId: input.unit.agencyId, unitId: input.unit.id });
      if (!(await organization.getUnit(scope.loader, input.unit.agencyId, input.unit.id)))
        throw BadUserInputError.of('input.unitId', 'no such unit');
      const now = clock().toISOString();
      // A complaint's SP4N-LAPOR deadlines count working days of the agency's calendar (DOMAIN rule 8).
      const deadlines = isComplaintKind(kind)
        ? complaintDeadlines(
            kind,
            now,
            await workCalendarFor(calendars, scope.loader, input.unit.agencyId, yearsCountedFrom(now)),
          )
        : undefined;
      const entry: Feedback = {
        ...newRecord(input.unit.agencyId, newId(), now),
        ...(deadlines ? storedDeadlines(deadlines) : {}),
        unitId: input.unit.id,
        serviceName: input.serviceName,
        channel: input.channel,
        kind,
        surveyAnswers: input.surveyAnswers,
        text: input.text,
        submittedAt: now,
        contact: input.contact,
        // Free text is reviewed before it is shown; bare answers carry nothing to review.
        moderationStatus: input.text ? 'PENDING' : 'PUBLISHED',
      };
      await feedback.create(entry);
      return { ...entry, contact: undefined };
    },

    /** One entry: administrators, heads of its unit (or a parent unit), employees of its unit. */
    async get(scope: RequestScope, ref: Ref): Promise<Feedback | null> {
      const caller = requireStaff(scope.caller);
      requireSameAgency(caller, ref.agencyId);
      const found = (await feedback.get(scope.loader, ref.agencyId, ref.id)) ?? null;
      if (found && !(await visibility.canSeeUnit(scope, caller, found.unitId))) {
        throw new ForbiddenError('This feedback is about a unit outside your reach');
      }
      return found;
    },

    /** Feedback of the caller's agency (or one unit; unit heads and employees: their units), newest first. */
    async list(scope: RequestScope, filter: FeedbackFilter, page: PageArgs): Promise<Connection<Feedback>> {
      const caller = requireStaff(scope.caller);
      const { unit, overdueOnly, ...rest } = filter;
      if (unit) requireSameAgency(caller, unit.agencyId);
      const unitIds = await visibility.listScope(scope, caller, unit?.id);
      const resolutionDueBy = overdueOnly ? overdueCutoff(clock()) : undefined;
      return feedback.list(
        caller.agencyId,
        { ...rest, unitId: unit?.id, unitIds: unit ? undefined : unitIds, resolutionDueBy },
        page,
      );
    },

    /** The unit an entry is about: staff of its agency, or the submitter who holds the entry they just sent. */
    async unitOf(scope: RequestScope, entry: Feedback): Promise<Unit | null> {
      if (scope.caller.kind === 'staff') requireSameAgency(scope.caller, entry.agencyId);
      else if (scope.caller.kind !== 'public') throw new ForbiddenError('Only agency staff may do this');
      return (await organization.getUnit(scope.loader, entry.agencyId, entry.unitId)) ?? null;
    },

    /** Contact details: administrators of the entry's agency only (personal data), null for anyone else. */
    contactOf(scope: RequestScope, entry: Feedback): FeedbackContact | null {
      const { caller } = scope;
      const admin = caller.kind === 'staff' && caller.role === 'ADMIN' && caller.agencyId === entry.agencyId;
      return admin ? (entry.contact ?? null) : null;
    },

    /** Satisfaction of a unit from the summed answers of its survey responses in a time range. */
    async satisfaction(
      scope: RequestScope,
      unit: Ref,
      range: { from?: string | undefined; to?: string | undefined },
    ): Promise<SatisfactionSummary> {
      const caller = requireStaff(scope.caller);
      requireSameAgency(caller, unit.agencyId);
      if (!(await visibility.canSeeUnit(scope, caller, unit.id)))
        throw new ForbiddenError('This unit is outside your reach');
      return satisfactionOf(await feedback.surveyAnswers(unit.agencyId, unit.id, range));
    },

    /** Records a response to a complaint; the first one sets the response time. */
    async respond(
      scope: RequestScope,
      input: FeedbackChangeCommand & { response: string },
    ): Promise<Feedback> {
      const current = await changeable(scope, input, HANDLERS);
      requireOpenComplaint(current, input.version);
      return save(current, {
        response: input.response,
        firstResponseAt: current.firstResponseAt ?? clock().toISOString(),
      });
    },

    /** Marks a complaint resolved. */
    async resolve(
      scope: RequestScope,
      input: FeedbackChangeCommand & { resolution: string },
    ): Promise<Feedback> {
      const current = await changeable(scope, input, HANDLERS);
      requireOpenComplaint(current, input.version);
      return save(current, { resolution: input.resolution, resolvedAt: clock().toISOString() });
    },

    /** Publishes or hides an entry (administrators). */
    async moderate(
      scope: RequestScope,
      input: FeedbackChangeCommand & { status: ModerationStatus },
    ): Promise<Feedback> {
      const current = await changeable(scope, input, MODERATORS);
      if (current.version !== input.version) throw versionConflict('Feedback', input.version, current);
      return save(current, { moderationStatus: input.status });
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
