import { RuleViolationError } from '../errors/domain-error';
import { Label, labelOf } from '../labels/code-labels';
import type { PolicyParameters } from '../policy/policy.schema';
import { atLeast, BACKBONE_LEVELS, BackboneLevel, Post, TITLE_LEVELS, TitleLevel, Zone } from '../reference/codes';

/**
 * The anti-poaching rule (docs/rules.md, "Transfers: anti-poaching"; plan item 7: 省内发达地区不得从
 * 苏北地区抢挖优秀校长和教师): a transfer of an outstanding teacher or principal from a school in a
 * city of a protected zone (`antiPoaching.protectedZones`, 苏北) to a school in a city of a
 * developed zone (`antiPoaching.developedZones`, 苏南) is refused with 422
 * `SUBEI_POACHING_BLOCKED`, the reason in its details. Outstanding means any of: backbone level
 * ≥ `antiPoaching.outstanding.minBackbone`, title ≥ `antiPoaching.outstanding.minTitle`, post in
 * `antiPoaching.outstanding.posts`. Moves between other zones, and of other teachers, are not
 * concerned. (Only a province administrator may let a refused transfer through, with a reason:
 * that is the transfer's business, not this rule's.)
 */

export type AntiPoachingPolicy = Pick<PolicyParameters, 'antiPoaching'>;

/** What the rule reads of the teacher. */
export interface TransferredTeacher {
  readonly backbone: BackboneLevel;
  readonly title: TitleLevel;
  readonly post: Post;
}

/** Each reason the teacher counts as outstanding, with the policy's threshold it meets. */
export type OutstandingGround =
  | { readonly kind: 'BACKBONE'; readonly level: BackboneLevel; readonly minimum: BackboneLevel }
  | { readonly kind: 'TITLE'; readonly level: TitleLevel; readonly minimum: TitleLevel }
  | { readonly kind: 'POST'; readonly post: Post; readonly posts: readonly Post[] };

export interface PoachingCheck {
  /** True when the transfer is refused. */
  readonly blocked: boolean;
  readonly outstanding: boolean;
  readonly grounds: readonly OutstandingGround[];
  readonly fromZone: Zone;
  readonly toZone: Zone;
  /** The school moved from is in a city of a protected zone. */
  readonly fromProtected: boolean;
  /** The school moved to is in a city of a developed zone. */
  readonly toDeveloped: boolean;
  /** Why it is refused (or why not), with the zones and grounds. */
  readonly reason: Label;
  readonly parameters: AntiPoachingPolicy['antiPoaching'];
}

/** The grounds on which the teacher is outstanding under the policy (empty: not outstanding). */
export function outstandingGrounds(teacher: TransferredTeacher, policy: AntiPoachingPolicy): OutstandingGround[] {
  const rule = policy.antiPoaching.outstanding;
  const grounds: OutstandingGround[] = [];
  if (atLeast(BACKBONE_LEVELS, teacher.backbone, rule.minBackbone))
    grounds.push({ kind: 'BACKBONE', level: teacher.backbone, minimum: rule.minBackbone });
  if (atLeast(TITLE_LEVELS, teacher.title, rule.minTitle)) grounds.push({ kind: 'TITLE', level: teacher.title, minimum: rule.minTitle });
  if (rule.posts.includes(teacher.post)) grounds.push({ kind: 'POST', post: teacher.post, posts: rule.posts });
  return grounds;
}

/** The rule on a transfer from a school in a city of `fromZone` to one in a city of `toZone`. */
export function checkPoaching(teacher: TransferredTeacher, fromZone: Zone, toZone: Zone, policy: AntiPoachingPolicy): PoachingCheck {
  const grounds = outstandingGrounds(teacher, policy);
  const fromProtected = policy.antiPoaching.protectedZones.includes(fromZone);
  const toDeveloped = policy.antiPoaching.developedZones.includes(toZone);
  const blocked = grounds.length > 0 && fromProtected && toDeveloped;
  return {
    blocked,
    outstanding: grounds.length > 0,
    grounds,
    fromZone,
    toZone,
    fromProtected,
    toDeveloped,
    reason: reasonOf(blocked, grounds, fromZone, toZone, fromProtected, toDeveloped),
    parameters: policy.antiPoaching,
  };
}

/** Refuses (422 SUBEI_POACHING_BLOCKED) a transfer the rule blocks; details hold the reason, the zones and the grounds. */
export function assertNotPoaching(teacher: TransferredTeacher, fromZone: Zone, toZone: Zone, policy: AntiPoachingPolicy): PoachingCheck {
  const check = checkPoaching(teacher, fromZone, toZone, policy);
  if (check.blocked) {
    throw new RuleViolationError('SUBEI_POACHING_BLOCKED', check.reason.en, {
      reason: check.reason,
      fromZone,
      toZone,
      grounds: check.grounds,
    });
  }
  return check;
}

/** A ground as people read it: the level, and the threshold when the level is above it (省级骨干（市级骨干及以上）). */
function groundLabel(ground: OutstandingGround): Label {
  if (ground.kind === 'POST') return labelOf('posts', ground.post);
  const [level, minimum] =
    ground.kind === 'BACKBONE'
      ? [labelOf('backboneLevels', ground.level), labelOf('backboneLevels', ground.minimum)]
      : [labelOf('titleLevels', ground.level), labelOf('titleLevels', ground.minimum)];
  if (ground.level === ground.minimum) return level;
  return { zh: `${level.zh}（${minimum.zh}及以上）`, en: `${level.en} (${minimum.en} or above)` };
}

function reasonOf(
  blocked: boolean,
  grounds: readonly OutstandingGround[],
  fromZone: Zone,
  toZone: Zone,
  fromProtected: boolean,
  toDeveloped: boolean,
): Label {
  const [from, to] = [labelOf('zones', fromZone), labelOf('zones', toZone)];
  const labels = grounds.map(groundLabel);
  const who = { zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') };
  if (blocked) {
    return {
      zh: `发达地区不得从${from.zh}抢挖优秀校长和教师：该教师为${who.zh}，拟从${from.zh}调往${to.zh}`,
      en: `Developed regions may not poach outstanding principals and teachers from ${from.en}: the teacher is outstanding (${who.en}) and would move from ${from.en} to ${to.en}`,
    };
  }
  if (grounds.length === 0) {
    return { zh: '该教师不属于优秀校长或教师，不受限制', en: 'The teacher is not outstanding under the rule: not concerned' };
  }
  return fromProtected && !toDeveloped
    ? { zh: `调入地${to.zh}不属于发达地区，不受限制`, en: `${to.en} is not a developed region: not concerned` }
    : { zh: `调出地${from.zh}不属于受保护地区，不受限制`, en: `${from.en} is not a protected region: not concerned` };
}
