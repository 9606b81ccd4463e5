import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from './api/client';

type Label = { code: string; zh: string; en: string };
type CodeTables = Record<string, Label[]>;

/** Every code list with its Chinese and English labels (GET /codes), fetched once per session. */
export function useCodes() {
  const { t, i18n } = useTranslation();
  const { data } = useQuery({ queryKey: ['codes'], queryFn: () => api.get<CodeTables>('/codes'), staleTime: Infinity });
  const english = i18n.language === 'en';
  /** The label of `code` in the list `list` (e.g. subjects), or in any list; the code itself while the lists load. */
  const label = (list: string, code: string | null | undefined): string => {
    if (!code) return '';
    const found =
      data?.[list]?.find((entry) => entry.code === code) ??
      Object.values(data ?? {})
        .flatMap((entries) => entries)
        .find((entry) => entry.code === code);
    return found ? (english ? found.en : found.zh) : code;
  };
  /** A list's codes as options of a select, labelled. */
  const options = (list: string) => (data?.[list] ?? []).map((entry) => ({ value: entry.code, label: english ? entry.en : entry.zh }));
  /** A list's codes as a ProTable valueEnum. */
  const valueEnum = (list: string) => Object.fromEntries((data?.[list] ?? []).map((entry) => [entry.code, { text: english ? entry.en : entry.zh }]));
  /** What went wrong in the user's words: a refusal by its code's label (the API's message when the code has none), anything else in general words. */
  const refusal = (error: unknown): string => {
    if (!(error instanceof ApiError)) return t('error.generic');
    const text = label('errors', error.code);
    return text !== error.code ? text : error.message;
  };
  return { label, options, valueEnum, refusal, loaded: !!data };
}
