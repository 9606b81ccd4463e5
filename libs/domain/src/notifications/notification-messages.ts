import { Label, labelOf } from '../labels/code-labels';
import type { Subject } from '../reference/codes';
import type { ShortageKind, ShortageSeverity } from '../shortage/shortage-types';
import type { NotificationKind } from './notification-kinds';

/** The longest title stored (the column's length); a longer one is cut with an ellipsis. */
export const NOTIFICATION_TITLE_MAX = 200;

/**
 * What a notification about a shortage flag says: the school, the subject short of teachers, the
 * severity, the rule's own sentence with its figures (the flag's explanation summary); the figures
 * are kept beside the text as data for the console.
 */
export interface ShortageFlagNotice {
  readonly schoolName: string;
  readonly shortageKind: ShortageKind;
  /** Null for a flag over several subjects at once (PE + music + fine arts per 100 pupils). */
  readonly subject: Subject | null;
  readonly severity: ShortageSeverity;
  readonly requiredFte: number;
  readonly actualFte: number;
  readonly gap: number;
  /** ShortageExplanation.summary of the flag, in Chinese and English. */
  readonly summary: Label;
  readonly policyVersion: string;
}

/** The params each kind's template reads. A kind missing here does not compile (NotificationMessage indexes this by every kind). */
interface ParamsOfKind {
  SHORTAGE_FLAG_OPENED: ShortageFlagNotice;
  SHORTAGE_FLAG_REOPENED: ShortageFlagNotice;
}

/** A notification to send: its kind and the params of the kind's template. */
export type NotificationMessage = { [K in NotificationKind]: { readonly kind: K; readonly params: ParamsOfKind[K] } }[NotificationKind];

/** What a notification says, in Chinese and English, as stored: it reads the same after a policy or a label changes. */
export interface NotificationText {
  readonly title: Label;
  readonly body: Label;
}

function clip(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

/**
 * A shortage flag's notice: the severity and the school (and subject) in the title; the kind of
 * shortage, the rule's own sentence with its figures, and the policy version in the body.
 */
function shortageFlagText(kind: 'SHORTAGE_FLAG_OPENED' | 'SHORTAGE_FLAG_REOPENED', notice: ShortageFlagNotice): NotificationText {
  const heading = labelOf('notificationKinds', kind);
  const severity = labelOf('shortageSeverities', notice.severity);
  const shortage = labelOf('shortageKinds', notice.shortageKind);
  const subject = notice.subject === null ? null : labelOf('subjects', notice.subject);
  const returned = kind === 'SHORTAGE_FLAG_REOPENED';
  return {
    title: {
      zh: `${heading.zh}（${severity.zh}）：${notice.schoolName}${subject ? ` · ${subject.zh}` : ''}`,
      en: `${heading.en} (${severity.en}): ${notice.schoolName}${subject ? ` · ${subject.en}` : ''}`,
    },
    body: {
      zh: `${returned ? '此前已消除的缺口再次出现。\n' : ''}${shortage.zh}：${notice.summary.zh}\n政策版本：${notice.policyVersion}`,
      en: `${returned ? 'A gap that had been resolved has returned.\n' : ''}${shortage.en}: ${notice.summary.en}\nPolicy version: ${notice.policyVersion}`,
    },
  };
}

const TEMPLATES: { readonly [K in NotificationKind]: (params: ParamsOfKind[K]) => NotificationText } = {
  SHORTAGE_FLAG_OPENED: (notice) => shortageFlagText('SHORTAGE_FLAG_OPENED', notice),
  SHORTAGE_FLAG_REOPENED: (notice) => shortageFlagText('SHORTAGE_FLAG_REOPENED', notice),
};

function render<K extends NotificationKind>(kind: K, params: ParamsOfKind[K]): NotificationText {
  return TEMPLATES[kind](params);
}

/** The text of a notification in both languages, from its kind's template; titles cut to NOTIFICATION_TITLE_MAX characters. */
export function renderNotification(message: NotificationMessage): NotificationText {
  const { title, body } = render(message.kind, message.params);
  return { title: { zh: clip(title.zh, NOTIFICATION_TITLE_MAX), en: clip(title.en, NOTIFICATION_TITLE_MAX) }, body };
}
