import type { CountyRotationFacts } from '@app/database';
import { groupBy, RotationTeacherFacts } from '@app/domain';

/** The county's rows as the rotation rules read each teacher: their postings and exemptions beside them. */
export function teacherFacts(facts: CountyRotationFacts): RotationTeacherFacts[] {
  const postingsOf = groupBy(facts.postings, (p) => p.teacherId);
  const exemptionsOf = groupBy(facts.exemptions, (e) => e.teacherId);
  return facts.teachers.map((t) => ({
    teacherId: t.id,
    birthDate: t.birthDate,
    onQuota: t.onQuota,
    post: t.post,
    backbone: t.backbone,
    postings: postingsOf.get(t.id) ?? [],
    exemptions: (exemptionsOf.get(t.id) ?? []).map((e) => ({ reason: e.reason, validFrom: e.validFrom, validTo: e.validTo })),
  }));
}
