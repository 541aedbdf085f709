// Test-only fault injection. Rules are given when the receiver starts (the
// factory's `faults` option, or `--faults` on the command line); there is no
// HTTP endpoint to change them, so a normal run can never reach this code.
//
// A rule: { path?: "regex", method?: "POST", times?: n, after?: n,
//           action: "delay" | "error" | "unavailable" | "drop" | "hang" | "drop-after-store" | "slow-store" | "fail-store",
//           (drop-after-store: stored, then the connection is cut before the answer;
//            slow-store: the key stays in flight for delayMs;
//            fail-store: the journal write fails after its bytes are written, as a full disk would)
//           delayMs?, status?, retryAfter? }
// `after` skips that many matching requests first; `times` limits how many
// matching requests the rule applies to (default: every one).

export const FAULT_ACTIONS = ['delay', 'error', 'unavailable', 'drop', 'hang', 'drop-after-store', 'slow-store', 'fail-store'];

/** Validates rules and returns a matcher: `pick(req)` → the rule to apply, or undefined. */
export function createFaults(rules = []) {
  if (!Array.isArray(rules)) throw new TypeError('faults must be an array of rules');
  const compiled = rules.map((rule, i) => {
    if (!FAULT_ACTIONS.includes(rule.action)) throw new TypeError(`faults[${i}].action must be one of ${FAULT_ACTIONS.join(', ')}`);
    return { ...rule, pattern: rule.path ? new RegExp(rule.path) : undefined, seen: 0, applied: 0 };
  });
  return {
    active: compiled.length > 0,
    pick(req) {
      const path = (req.url ?? '/').split('?')[0];
      for (const rule of compiled) {
        if (rule.method && rule.method !== req.method) continue;
        if (rule.pattern && !rule.pattern.test(path)) continue;
        rule.seen++;
        if (rule.after !== undefined && rule.seen <= rule.after) continue;
        if (rule.times !== undefined && rule.applied >= rule.times) continue;
        rule.applied++;
        return rule;
      }
      return undefined;
    },
  };
}

/** Reads `--faults '<json>'` or `--faults path.json`. */
export async function readFaultsArg(value) {
  if (value === undefined) return [];
  const text = value.trim().startsWith('[') ? value : (await import('node:fs')).readFileSync(value, 'utf8');
  return JSON.parse(text);
}
