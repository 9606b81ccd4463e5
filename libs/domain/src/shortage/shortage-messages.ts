import { Label, labelOf } from '../labels/code-labels';
import type { Location, Subject } from '../reference/codes';

/**
 * The sentence each shortage flag carries (docs/rules.md, "Shortages"), in Chinese and English, built from the
 * figures the flag shows (thousandths) and the policy's numbers.
 */

/** Thousandths as people read them: 1125 → "1.125", 500 → "0.5", 0 → "0". */
function figure(milli: number): string {
  return String(milli / 1000);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface ShownFigures {
  readonly requiredMilli: number;
  readonly actualMilli: number;
  readonly gapMilli: number;
}

/** SUBJECT_GAP and ZERO_COVERAGE: 体育与健康：需 1.25 个专任教师当量，现有 0.3（缺 0.95）. */
export function curriculumMessage(subject: Subject, shown: ShownFigures, nobodyTeaches: boolean): Label {
  const name = labelOf('subjects', subject);
  const [required, actual, gap] = [figure(shown.requiredMilli), figure(shown.actualMilli), figure(shown.gapMilli)];
  return {
    zh: `${name.zh}：需 ${required} 个专任教师当量，现有 ${actual}（缺 ${gap}）${nobodyTeaches ? '，无人任教，课程开不齐' : ''}`,
    en: `${name.en}: ${required} full-time equivalents needed, ${actual} in post (${gap} short)${nobodyTeaches ? ': nobody teaches it' : ''}`,
  };
}

/** Why a school must have a full-time psychology teacher: its location, its being a township central school, or both. */
export interface FullTimeReasons {
  readonly location: Location | null;
  readonly townshipCentral: boolean;
}

/** PSY_FULLTIME_MISSING: 城区学校须配备专职心理健康教师 1 名，现有 0.5（缺 0.5）. */
export function psychologyFullTimeMessage(reasons: FullTimeReasons, shown: ShownFigures): Label {
  const location = reasons.location === null ? null : labelOf('locations', reasons.location);
  const zh = [location ? `${location.zh}学校` : null, reasons.townshipCentral ? '乡镇中心学校' : null].filter((part) => part !== null);
  const en = [location ? `${location.en.toLowerCase()} school` : null, reasons.townshipCentral ? 'township central school' : null].filter(
    (part) => part !== null,
  );
  const [required, actual, gap] = [figure(shown.requiredMilli), figure(shown.actualMilli), figure(shown.gapMilli)];
  return {
    zh: `${zh.join('、')}须配备专职心理健康教师 ${required} 名，现有 ${actual}（缺 ${gap}）`,
    en: `${capitalised(en.join(' and '))}: ${required} full-time mental-health teacher needed, ${actual} in post (${gap} short)`,
  };
}

/** PSY_PARTTIME_SHORT: 心理健康教师（专职和兼职）按师生比 1:500 须配备 3 名（学生 1234 人），现有 1（缺 2）. */
export function psychologyRatioMessage(students: number, studentsPerTeacher: number, shown: ShownFigures): Label {
  const [required, actual, gap] = [figure(shown.requiredMilli), figure(shown.actualMilli), figure(shown.gapMilli)];
  return {
    zh: `心理健康教师（专职和兼职）按师生比 1:${studentsPerTeacher} 须配备 ${required} 名（学生 ${students} 人），现有 ${actual}（缺 ${gap}）`,
    en: `Mental-health teachers (full- and part-time) at 1:${studentsPerTeacher}: ${required} needed for ${students} pupils, ${actual} in post (${gap} short)`,
  };
}

/** PE_ARTS_RATIO_LOW: 体育与健康、音乐、美术教师每百名学生 0.6 名，低于 0.9（学生 500 人：需 4.5，现有 3，缺 1.5）. */
export function peArtsMessage(subjects: readonly Subject[], students: number, minPer100: number, ratioMilli: number, shown: ShownFigures): Label {
  const names = subjects.map((subject) => labelOf('subjects', subject));
  const [required, actual, gap] = [figure(shown.requiredMilli), figure(shown.actualMilli), figure(shown.gapMilli)];
  return {
    zh: `${names.map((name) => name.zh).join('、')}教师每百名学生 ${figure(ratioMilli)} 名，低于 ${minPer100}（学生 ${students} 人：需 ${required}，现有 ${actual}，缺 ${gap}）`,
    en: `${names.map((name) => name.en).join(', ')} teachers: ${figure(ratioMilli)} per 100 pupils, below ${minPer100} (${students} pupils: ${required} needed, ${actual} in post, ${gap} short)`,
  };
}
