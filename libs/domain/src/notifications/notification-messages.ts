import { Label, labelOf } from '../labels/code-labels';
import type { Subject } from '../reference/codes';
import type { ShortageKind, ShortageSeverity } from '../shortage/shortage-types';
import type { NotificationKind } from './notification-kinds';

/** The longest title stored (the column's length); a longer one is cut with an ellipsis. */
export const NOTIFICATION_TITLE_MAX = 200;

/**
 * What a notification about a shortage flag says: the school, the subject short of teachers, the
 * figures, and the rule's own summary of why (the flag's explanation summary).
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

/** A figure as people read it: at most two decimals, no trailing zeros. */
function figure(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

function clip(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

function shortageFlagText(kind: 'SHORTAGE_FLAG_OPENED' | 'SHORTAGE_FLAG_REOPENED', notice: ShortageFlagNotice): NotificationText {
  const heading = labelOf('notificationKinds', kind);
  const subject = notice.subject === null ? null : labelOf('subjects', notice.subject);
  const returned = kind === 'SHORTAGE_FLAG_REOPENED';
  const [required, actual, gap] = [figure(notice.requiredFte), figure(notice.actualFte), figure(notice.gap)];
  return {
    title: {
      zh: `${heading.zh}：${notice.schoolName}${subject ? `（${subject.zh}）` : ''}`,
      en: `${heading.en}: ${notice.schoolName}${subject ? ` (${subject.en})` : ''}`,
    },
    body: {
      zh:
        (returned ? '此前已消除的缺口再次出现。' : '') +
        `${notice.summary.zh}\n应配 ${required} 名（折合全职），现有 ${actual} 名，缺口 ${gap} 名。政策版本：${notice.policyVersion}。`,
      en:
        (returned ? 'A gap that had been resolved has returned. ' : '') +
        `${notice.summary.en}\nRequired ${required} FTE, in post ${actual}, gap ${gap}. Policy version: ${notice.policyVersion}.`,
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
