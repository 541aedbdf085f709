/**
 * The states of an application after it is received, in the order they
 * usually follow one another. One list for the receiver's database, the staff
 * inbox and `<loket-application-status>`; labels live in the message
 * catalogues (id first, en second).
 */
export const APPLICATION_STATES = ['received', 'in-review', 'needs-fix', 'approved', 'rejected', 'ready'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** States after which nothing more is expected of the citizen or the office (retention counts from here). */
export const CLOSED_STATES: readonly ApplicationState[] = ['rejected', 'ready'];

/** The longest tracking number or secret the widget sends, the receipt keeps and the contract accepts. */
export const TRACKING_MAX_LENGTH = 100;
