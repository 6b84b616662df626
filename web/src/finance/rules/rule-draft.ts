import type { RuleAction, RuleCondition } from '@atom/contracts';
import { parseMoney, toInputString } from '../money';

/** A condition or action while edited: every value is text until the rule is saved. */
export interface ConditionDraft {
  field: RuleCondition['field'];
  op: string;
  value: string;
  value2: string;
}
export interface ActionDraft {
  type: RuleAction['type'];
  value: string;
}

export const FIELD_OPS: Record<ConditionDraft['field'], { value: string; label: string }[]> = {
  payee: [
    { value: 'contains', label: 'contains' },
    { value: 'equals', label: 'equals' },
    { value: 'regex', label: 'matches pattern' },
  ],
  notes: [{ value: 'contains', label: 'contains' }],
  amount: [{ value: 'between', label: 'is between' }],
  account: [{ value: 'is', label: 'is' }],
  date: [{ value: 'between', label: 'is between' }],
};

export const emptyCondition = (): ConditionDraft => ({ field: 'payee', op: 'contains', value: '', value2: '' });
export const emptyAction = (): ActionDraft => ({ type: 'setCategory', value: '' });

export function toConditionDraft(c: RuleCondition, exponent: number): ConditionDraft {
  if (c.field === 'amount') return { field: c.field, op: c.op, value: toInputString(c.value[0], exponent), value2: toInputString(c.value[1], exponent) };
  if (c.field === 'date') return { field: c.field, op: c.op, value: c.value[0], value2: c.value[1] };
  return { field: c.field, op: c.op, value: c.value, value2: '' };
}

export function toActionDraft(a: RuleAction): ActionDraft {
  switch (a.type) {
    case 'setCategory':
      return { type: a.type, value: a.categoryId };
    case 'renamePayee':
      return { type: a.type, value: a.payee };
    case 'addTag':
      return { type: a.type, value: a.tag };
    case 'markTransfer':
      return { type: a.type, value: a.accountId };
  }
}

/** The draft as the API takes it; amounts that do not read are reported, the schema checks the rest. */
export function fromConditionDraft(d: ConditionDraft, exponent: number): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (d.field === 'amount') {
    const min = parseMoney(d.value, exponent);
    const max = parseMoney(d.value2, exponent);
    if (!min.ok) return { ok: false, problem: `Minimum amount ${min.problem}` };
    if (!max.ok) return { ok: false, problem: `Maximum amount ${max.problem}` };
    return { ok: true, value: { field: 'amount', op: 'between', value: [min.minor, max.minor] } };
  }
  if (d.field === 'date') return { ok: true, value: { field: 'date', op: 'between', value: [d.value, d.value2] } };
  return { ok: true, value: { field: d.field, op: d.op, value: d.value } };
}

export function fromActionDraft(d: ActionDraft): unknown {
  switch (d.type) {
    case 'setCategory':
      return { type: d.type, categoryId: d.value };
    case 'renamePayee':
      return { type: d.type, payee: d.value };
    case 'addTag':
      return { type: d.type, tag: d.value };
    case 'markTransfer':
      return { type: d.type, accountId: d.value };
  }
}
