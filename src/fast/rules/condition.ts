import { FIELD_OPERATORS, OPERATORS } from '../../condition-eval.js';
import { one, type Found } from './issue.js';

/** Conditions (`showIf`, a checklist's `when`): exactly one operator, `field` only where it belongs. */
export const CONDITION_RULES = {
  condition: (cond: Record<string, unknown>): Found => {
    const used = OPERATORS.filter((op) => cond[op] !== undefined);
    if (used.length !== 1) return one({ key: 'condition.operator', operators: OPERATORS.join(', ') });
    const operator = used[0] as string;
    const fieldOp = (FIELD_OPERATORS as readonly string[]).includes(operator);
    if (fieldOp && cond.field === undefined) return one({ key: 'condition.field', operator }, 'field');
    if (!fieldOp && cond.field !== undefined) return one({ key: 'condition.noField', operator }, 'field');
    return undefined;
  },
} as const;
