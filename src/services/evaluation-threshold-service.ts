import { versionConflict } from '../data/versioned-update';
import {
  DEFAULT_EVALUATION_THRESHOLDS,
  type EvaluationThresholds,
  thresholdIssues,
  thresholdsOf,
} from '../domain/leadership/evaluation-thresholds';
import type { Agency } from '../domain/organization';
import { BadUserInputError, NotFoundError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import type { ServiceDeps } from './ports';
import type { RequestScope } from './request-scope';

/** The thresholds as the API shows them: the values, whether they are the defaults, the agency's version. */
export type ThresholdSetting = EvaluationThresholds & { isDefault: boolean; version: number };

const settingOf = (agency: Agency): ThresholdSetting => ({
  ...thresholdsOf(agency),
  isDefault: !agency.evaluationThresholds,
  version: agency.version,
});

/** The agency's thresholds of program recommendations (read by staff, set by administrators). */
export function createEvaluationThresholdService(deps: ServiceDeps) {
  const { organization, clock } = deps;
  return {
    of(scope: RequestScope, agency: Agency): ThresholdSetting {
      requireSameAgency(requireStaff(scope.caller), agency.id);
      return settingOf(agency);
    },

    async set(
      scope: RequestScope,
      input: EvaluationThresholds & { version: number },
    ): Promise<ThresholdSetting> {
      const caller = requireStaff(scope.caller, ['ADMIN']);
      const { version, ...thresholds } = input;
      const issues = thresholdIssues(thresholds);
      if (issues.length) throw new BadUserInputError(issues);
      const current = await organization.getAgencyLatest(caller.agencyId);
      if (!current) throw new NotFoundError('Agency', caller.agencyId);
      if (current.version !== version) throw versionConflict('Agency', version, current);
      const same = Object.entries(DEFAULT_EVALUATION_THRESHOLDS).every(
        ([name, value]) => thresholds[name as keyof EvaluationThresholds] === value,
      );
      const next: Agency = {
        ...current,
        // Setting the defaults back returns the agency to them (and to later changes of them).
        evaluationThresholds: same ? undefined : thresholds,
        version: current.version + 1,
        updatedAt: clock().toISOString(),
      };
      await organization.updateAgency(current, next);
      return settingOf(next);
    },
  };
}

export type EvaluationThresholdService = ReturnType<typeof createEvaluationThresholdService>;
