import { Label, labelOf } from '../labels/code-labels';
import type { GradeBand } from '../reference/codes';

/**
 * The sentence of each part of a standard quota (docs/rules.md, "Staffing quotas"), in Chinese and English, from
 * the numbers the rule read and the posts the part shows (thousandths).
 */

/** Thousandths as people read them: 7407 → "7.407", 10000 → "10". */
function figure(milli: number): string {
  return String(milli / 1000);
}

/** STUDENT_RATIO: 小学学段：学生 190 人 ÷ 生师比 19 = 10. */
export function studentRatioMessage(band: GradeBand, students: number, studentsPerStaff: number, staffMilli: number): Label {
  const name = labelOf('gradeBands', band);
  return {
    zh: `${name.zh}学段：学生 ${students} 人 ÷ 生师比 ${studentsPerStaff} = ${figure(staffMilli)}`,
    en: `${name.en} band: ${students} pupils ÷ ${studentsPerStaff} pupils per staff member = ${figure(staffMilli)}`,
  };
}

/** CLASS_RATIO: 小学学段：6 个班 × 班师比 1.8 = 10.8. */
export function classRatioMessage(band: GradeBand, classes: number, teachersPerClass: number, staffMilli: number): Label {
  const name = labelOf('gradeBands', band);
  return {
    zh: `${name.zh}学段：${classes} 个班 × 班师比 ${teachersPerClass} = ${figure(staffMilli)}`,
    en: `${name.en} band: ${classes} classes × ${teachersPerClass} staff per class = ${figure(staffMilli)}`,
  };
}

/** ROUNDING: 向上取整为整数编制：+0.593. */
export function roundingMessage(staffMilli: number): Label {
  return {
    zh: `向上取整为整数编制：+${figure(staffMilli)}`,
    en: `Rounded up to whole posts: +${figure(staffMilli)}`,
  };
}

/** BOARDING: 寄宿生 150 人 ÷ 100，向上取整 = 2. */
export function boardingMessage(boarders: number, boardersPerStaff: number, staffMilli: number): Label {
  return {
    zh: `寄宿生 ${boarders} 人 ÷ ${boardersPerStaff}，向上取整 = ${figure(staffMilli)}`,
    en: `${boarders} boarders ÷ ${boardersPerStaff}, rounded up = ${figure(staffMilli)}`,
  };
}
