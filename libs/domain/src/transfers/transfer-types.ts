/**
 * A transfer (调动, docs/rules.md, "Transfers"): a teacher's home posting moved for good to another
 * school, in the same county or another one. Its statuses and what can happen to it.
 */
export const TRANSFER_STATUSES = ['BLOCKED', 'PENDING', 'EXECUTED', 'REJECTED', 'CANCELLED'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/**
 * What someone does to an existing transfer: the receiving county accepts or rejects a pending one,
 * the sending county withdraws one not yet executed, the province administrator records an exception
 * to the anti-poaching rule on a blocked one.
 */
export const TRANSFER_ACTIONS = ['ACCEPT', 'REJECT', 'CANCEL', 'EXCEPTION'] as const;
export type TransferAction = (typeof TRANSFER_ACTIONS)[number];
