import dayjs from 'dayjs';

/** Dates in tables: YYYY-MM-DD. */
export function tableDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '—';
}

/** A moment in tables: YYYY-MM-DD HH:mm, in the browser's zone. */
export function tableTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';
}

/** Dates in prose: YYYY年M月D日 in Chinese, D MMMM YYYY in English. */
export function proseDate(value: string | null | undefined, language: string): string {
  if (!value) return '—';
  return language === 'en' ? dayjs(value).format('D MMMM YYYY') : dayjs(value).format('YYYY年M月D日');
}

/** A date a form gives back (ProForm hands dates over as strings, antd's own fields as dayjs objects) as YYYY-MM-DD. */
export function isoDay(value: unknown): string {
  return dayjs(value as string).format('YYYY-MM-DD');
}

/** A share (0–1) as a percentage with one decimal (62.5%); a dash when there is none (nobody to count). */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}
