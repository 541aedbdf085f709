// Test-only fault injection. Rules are given when the app is created (the
// `faults` option; on the command line `--faults` is refused unless
// LOKET_TEST_FAULTS=1 is set), never over HTTP, so a normal run cannot
// reach this code.
//
// A rule: { path?: "regex", method?: "POST", times?: n, after?: n, action, delayMs?, status?, retryAfter? }
//   delay             wait delayMs, then answer normally
//   error             answer `status` (500) without storing
//   unavailable       answer 503 with Retry-After: retryAfter (1)
//   drop              cut the connection before reading the request
//   hang              never answer (the connection stays open until the app closes)
//   drop-after-store  store, then cut the connection before the answer
//   slow-store        keep the idempotency key in flight for delayMs (to show the 409)
//   fail-store        the store transaction fails just before its commit (as a full disk would)
// `after` skips that many matching requests first; `times` limits how many it applies to.

export const FAULT_ACTIONS = ['delay', 'error', 'unavailable', 'drop', 'hang', 'drop-after-store', 'slow-store', 'fail-store'] as const;
export type FaultAction = (typeof FAULT_ACTIONS)[number];

export interface FaultRule {
  readonly action: FaultAction;
  readonly path?: string;
  readonly method?: string;
  readonly times?: number;
  readonly after?: number;
  readonly delayMs?: number;
  readonly status?: number;
  readonly retryAfter?: number;
}

export interface Faults {
  readonly active: boolean;
  /** The rule to apply to this request, if any (counts it). */
  pick(method: string, url: string): FaultRule | undefined;
}

export function createFaults(rules: readonly FaultRule[] = []): Faults {
  if (!Array.isArray(rules)) throw new TypeError('faults must be an array of rules');
  const compiled = rules.map((rule, i) => {
    if (!FAULT_ACTIONS.includes(rule.action)) throw new TypeError(`faults[${i}].action must be one of ${FAULT_ACTIONS.join(', ')}`);
    return { rule, pattern: rule.path ? new RegExp(rule.path) : undefined, seen: 0, applied: 0 };
  });
  return {
    active: compiled.length > 0,
    pick(method, url) {
      const path = url.split('?')[0]!;
      for (const c of compiled) {
        if (c.rule.method && c.rule.method !== method) continue;
        if (c.pattern && !c.pattern.test(path)) continue;
        c.seen++;
        if (c.rule.after !== undefined && c.seen <= c.rule.after) continue;
        if (c.rule.times !== undefined && c.applied >= c.rule.times) continue;
        c.applied++;
        return c.rule;
      }
      return undefined;
    },
  };
}
