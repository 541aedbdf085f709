import type { CustomIssueParams } from '../../problem.js';

// What every rule returns, and the helpers that build it. The rules
// themselves are split by what they need (src/fast/rules/*.ts), so a widget's
// first chunk holds only the rules of its own format: the banner does not
// download the form's header check, nor the form the banner's clock.

/** One problem a rule found, located relative to the value it checked. */
export interface RuleIssue {
  readonly params: CustomIssueParams;
  readonly path?: readonly PropertyKey[];
}
export type Found = readonly RuleIssue[] | undefined;

/** A rule: the problems in a value, or `undefined` when it has none. */
export type Rule = (value: never) => Found;

export const one = (params: CustomIssueParams, ...path: PropertyKey[]): Found => [path.length ? { params, path } : { params }];
export const unless = (ok: boolean, params: CustomIssueParams): Found => (ok ? undefined : one(params));

/** The rule for a format's `version`: one of the versions this build understands. */
export const version = (supported: readonly number[]) => (found: number) => unless(supported.includes(found), { key: 'schema.version', found, supported: supported.join(', ') });
