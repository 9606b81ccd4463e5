import type { FoundShortage, ShortageSeverity } from '../shortage/shortage-types';
import type { ShortageFlagNotice } from './notification-messages';
import type { Recipient } from './recipients';

/** Severities whose new or reopened flags are notified; a MEDIUM gap waits in the flag lists. */
const NOTIFIED_SEVERITIES: readonly ShortageSeverity[] = ['HIGH', 'CRITICAL'];

/** Whether a flag opened or reopened at this severity notifies the county's officers and the school's principals. */
export function notifiesOfFlag(severity: ShortageSeverity): boolean {
  return NOTIFIED_SEVERITIES.includes(severity);
}

/** Who hears of a school's shortage flag: the county officers of its county and the principals of the school. */
export function shortageFlagRecipients(school: { readonly countyId: string; readonly schoolId: string }): Recipient[] {
  return [
    { kind: 'COUNTY_OFFICERS', countyId: school.countyId },
    { kind: 'PRINCIPALS', schoolId: school.schoolId },
  ];
}

/** The notice of a flag a scan found (new or again), at the school of that name: its figures and the rule's own sentence. */
export function shortageFlagNotice(found: FoundShortage, schoolName: string): ShortageFlagNotice {
  return {
    schoolName,
    shortageKind: found.kind,
    subject: found.subject,
    severity: found.severity,
    requiredFte: found.requiredFte,
    actualFte: found.actualFte,
    gap: found.gap,
    summary: { zh: found.explanation.summary.zh, en: found.explanation.summary.en },
    policyVersion: found.explanation.policyVersion,
  };
}
