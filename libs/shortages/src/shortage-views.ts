import type { ShortageFlagRow, ShortageScanEntity } from '@app/database';
import type { FlagStatus, ScanStatus, ShortageExplanation, ShortageKind, ShortageSeverity, Subject } from '@app/domain';

export interface ShortageScanView {
  id: string;
  trigger: string;
  countyId: string | null;
  cityId: string | null;
  schoolId: string | null;
  asOf: string;
  status: ScanStatus;
  schoolsTotal: number;
  schoolsScanned: number;
  schoolsFailed: number;
  flagsOpened: number;
  flagsUpdated: number;
  flagsResolved: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function scanView(scan: ShortageScanEntity): ShortageScanView {
  return {
    id: scan.id,
    trigger: scan.trigger,
    countyId: scan.countyId,
    cityId: scan.cityId,
    schoolId: scan.schoolId,
    asOf: scan.asOf,
    status: scan.status,
    schoolsTotal: scan.schoolsTotal,
    schoolsScanned: scan.schoolsScanned,
    schoolsFailed: scan.schoolsFailed,
    flagsOpened: scan.flagsOpened,
    flagsUpdated: scan.flagsUpdated,
    flagsResolved: scan.flagsResolved,
    error: scan.error,
    createdAt: scan.createdAt.toISOString(),
    startedAt: scan.startedAt?.toISOString() ?? null,
    finishedAt: scan.finishedAt?.toISOString() ?? null,
  };
}

export interface ShortageFlagView {
  id: string;
  schoolId: string;
  schoolCode: string;
  schoolName: string;
  countyId: string;
  subject: Subject | null;
  kind: ShortageKind;
  severity: ShortageSeverity;
  requiredFte: number;
  actualFte: number;
  gap: number;
  status: FlagStatus;
  openedAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  policyVersion: string;
  /** The rule's sentence with its figures, in Chinese and English. */
  summary: { zh: string; en: string };
}

export interface ShortageFlagDetailView extends ShortageFlagView {
  explanation: ShortageExplanation;
  lastScanId: string;
}

export function flagView(flag: ShortageFlagRow): ShortageFlagView {
  return {
    id: flag.id,
    schoolId: flag.schoolId,
    schoolCode: flag.school.code,
    schoolName: flag.school.name,
    countyId: flag.countyId,
    subject: flag.subject,
    kind: flag.kind,
    severity: flag.severity,
    requiredFte: flag.requiredMilli / 1000,
    actualFte: flag.actualMilli / 1000,
    gap: flag.gapMilli / 1000,
    status: flag.status,
    openedAt: flag.openedAt.toISOString(),
    lastSeenAt: flag.lastSeenAt.toISOString(),
    resolvedAt: flag.resolvedAt?.toISOString() ?? null,
    policyVersion: flag.policyVersion,
    summary: { zh: flag.explanation.summary.zh, en: flag.explanation.summary.en },
  };
}

export function flagDetailView(flag: ShortageFlagRow): ShortageFlagDetailView {
  return { ...flagView(flag), explanation: flag.explanation, lastScanId: flag.lastScanId };
}
