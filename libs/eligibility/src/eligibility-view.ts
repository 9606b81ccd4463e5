import type { EligibilityAnswer, QualifyingPeriod, SeniorTitleAnswer } from '@app/domain';

/** A qualifying period with the name of its main school (null when the school is not known to the caller). */
export interface QualifyingPeriodView extends QualifyingPeriod {
  schoolName: string | null;
}

export interface EligibilityView {
  teacherId: string;
  teacherName: string;
  asOf: string;
  policyVersion: string;
  seniorTitle: SeniorTitleAnswer;
  principalPriority: EligibilityAnswer['principalPriority'];
  qualifyingPeriods: QualifyingPeriodView[];
}

export function eligibilityView(
  teacher: { id: string; name: string },
  asOf: string,
  policyVersion: string,
  answer: EligibilityAnswer,
  schoolNames: ReadonlyMap<string, string>,
): EligibilityView {
  return {
    teacherId: teacher.id,
    teacherName: teacher.name,
    asOf,
    policyVersion,
    seniorTitle: answer.seniorTitle,
    principalPriority: answer.principalPriority,
    qualifyingPeriods: answer.qualifyingPeriods.map(({ schoolId, ...rest }) => ({
      schoolId,
      schoolName: schoolNames.get(schoolId) ?? null,
      ...rest,
    })),
  };
}
