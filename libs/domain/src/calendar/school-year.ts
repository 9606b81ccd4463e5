/**
 * The school year a day falls in, named by the calendar year it starts in: a school year runs from
 * 1 September to 31 August (2026 = 2026-09-01 … 2027-08-31), as enrolment is recorded
 * (docs/rules.md, "Shortages": which enrolment a scan reads).
 */
export function schoolYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 9 ? year : year - 1;
}
