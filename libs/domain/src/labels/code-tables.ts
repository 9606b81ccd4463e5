import { CODE_LABELS, CODE_LISTS, CodeList, Label } from './code-labels';
import { ERROR_LABELS, ErrorCode } from './error-labels';

export interface LabelledCode extends Label {
  readonly code: string;
}

export interface LabelledErrorCode extends LabelledCode {
  readonly status: number;
}

/** Every code list, each code in list order with its labels, and the error codes with their statuses and explanations. */
export type CodeTables = { readonly [list in CodeList]: LabelledCode[] } & { readonly errors: LabelledErrorCode[] };

/** The tables a client needs to show codes to people (GET /codes). */
export function codeTables(): CodeTables {
  const lists = Object.fromEntries(
    (Object.keys(CODE_LISTS) as CodeList[]).map((list) => [
      list,
      CODE_LISTS[list].map((code) => {
        const label = (CODE_LABELS[list] as Record<string, Label>)[String(code)];
        return { code: String(code), zh: label.zh, en: label.en };
      }),
    ]),
  ) as { [list in CodeList]: LabelledCode[] };
  const errors = (Object.keys(ERROR_LABELS) as ErrorCode[]).map((code) => ({ code, ...ERROR_LABELS[code] }));
  return { ...lists, errors };
}
