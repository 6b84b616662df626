import { CreateRuleInput, type FinanceRule, type RuleAction, type RuleCondition } from '@atom/contracts';
import { ActionIcon, Button, Group, Modal, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useFormErrors } from '../../ui/use-form-errors';
import { categoryOptions } from '../category-options';
import { refreshFinance, useAccounts, useCategoryTree } from '../finance-api';
import {
  emptyAction,
  emptyCondition,
  FIELD_OPS,
  fromActionDraft,
  fromConditionDraft,
  toActionDraft,
  toConditionDraft,
  type ActionDraft,
  type ConditionDraft,
} from './rule-draft';
import { rulesApi } from './rules-api';
import classes from './rules.module.css';

const labels = { name: 'Name', conditions: 'Conditions', actions: 'Actions', enabled: 'Enabled', position: 'Position' };

const FIELDS = [
  { value: 'payee', label: 'Payee' },
  { value: 'notes', label: 'Notes' },
  { value: 'amount', label: 'Amount' },
  { value: 'account', label: 'Account' },
  { value: 'date', label: 'Date' },
];
const ACTIONS = [
  { value: 'setCategory', label: 'Set category' },
  { value: 'renamePayee', label: 'Rename payee' },
  { value: 'addTag', label: 'Add tag' },
  { value: 'markTransfer', label: 'Transfer with account' },
];

/** What a new rule starts from: nothing, or a suggestion. */
export interface RuleSeed {
  name: string;
  conditions: RuleCondition[];
  actions: RuleAction[];
}

interface FormProps {
  rule?: FinanceRule;
  seed?: RuleSeed;
  exponent: number;
  onClose: () => void;
}

function RuleForm({ rule, seed, exponent, onClose }: FormProps) {
  const client = useQueryClient();
  const errors = useFormErrors(labels);
  const tree = useCategoryTree();
  const accounts = useAccounts();
  const start = rule ?? seed;
  const [name, setName] = useState(start?.name ?? '');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [conditions, setConditions] = useState<ConditionDraft[]>(start ? start.conditions.map((c) => toConditionDraft(c, exponent)) : [emptyCondition()]);
  const [actions, setActions] = useState<ActionDraft[]>(start ? start.actions.map(toActionDraft) : [emptyAction()]);
  const accountOptions = (accounts.data ?? []).filter((a) => !a.closed).map((a) => ({ value: a.id, label: a.name }));

  const save = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (input: CreateRuleInput) => (rule ? rulesApi.update(rule.id, input) : rulesApi.create(input)),
    onSuccess: async () => {
      await refreshFinance(client);
      onClose();
    },
    onError: (e) => errors.handle(e, ['conditions', 'actions']),
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = conditions.map((c) => fromConditionDraft(c, exponent));
    for (const p of parsed) {
      if (!p.ok) {
        errors.setFieldErrors({ conditions: p.problem });
        return;
      }
    }
    const input = errors.validate(CreateRuleInput, {
      name,
      enabled,
      conditions: parsed.map((p) => (p.ok ? p.value : null)),
      actions: actions.map(fromActionDraft),
    });
    if (input) save.mutate(input);
  };

  const setCondition = (i: number, patch: Partial<ConditionDraft>) => setConditions((list) => list.map((c, n) => (n === i ? { ...c, ...patch } : c)));
  const setAction = (i: number, patch: Partial<ActionDraft>) => setActions((list) => list.map((a, n) => (n === i ? { ...a, ...patch } : a)));

  return (
    <form onSubmit={submit} noValidate aria-label={rule ? 'Edit rule' : 'New rule'}>
      <Stack gap="md">
        <TextInput label="Name" placeholder="e.g. Supermarkets" data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fieldErrors.name} />
        <section aria-labelledby="rule-conditions">
          <Title order={3} size="h6" id="rule-conditions" mb={6}>
            When a transaction matches all of
          </Title>
          <Stack gap={8}>
            {conditions.map((c, i) => (
              <div key={i} className={classes.editRow} role="group" aria-label={`Condition ${i + 1}`}>
                <Select
                  aria-label="Field"
                  data={FIELDS}
                  value={c.field}
                  allowDeselect={false}
                  onChange={(v) => {
                    const field = (v ?? 'payee') as ConditionDraft['field'];
                    setCondition(i, { field, op: FIELD_OPS[field][0]!.value, value: '', value2: '' });
                  }}
                  comboboxProps={{ withinPortal: true }}
                />
                <Select aria-label="Test" data={FIELD_OPS[c.field]} value={c.op} allowDeselect={false} onChange={(v) => v && setCondition(i, { op: v })} comboboxProps={{ withinPortal: true }} />
                <div className={classes.values}>
                  {c.field === 'account' ? (
                    <Select aria-label="Account" data={accountOptions} value={c.value || null} onChange={(v) => setCondition(i, { value: v ?? '' })} comboboxProps={{ withinPortal: true }} />
                  ) : c.field === 'amount' || c.field === 'date' ? (
                    <>
                      <TextInput aria-label={c.field === 'amount' ? 'Minimum amount' : 'From date'} type={c.field === 'date' ? 'date' : 'text'} inputMode={c.field === 'amount' ? 'decimal' : undefined} value={c.value} onChange={(e) => setCondition(i, { value: e.currentTarget.value })} />
                      <TextInput aria-label={c.field === 'amount' ? 'Maximum amount' : 'To date'} type={c.field === 'date' ? 'date' : 'text'} inputMode={c.field === 'amount' ? 'decimal' : undefined} value={c.value2} onChange={(e) => setCondition(i, { value2: e.currentTarget.value })} />
                    </>
                  ) : (
                    <TextInput aria-label="Value" value={c.value} onChange={(e) => setCondition(i, { value: e.currentTarget.value })} />
                  )}
                </div>
                <ActionIcon variant="subtle" color="gray" aria-label={`Remove condition ${i + 1}`} disabled={conditions.length === 1} onClick={() => setConditions((list) => list.filter((_, n) => n !== i))}>
                  <IconX size={16} />
                </ActionIcon>
              </div>
            ))}
          </Stack>
          {errors.fieldErrors.conditions && (
            <Text c="red" size="sm" mt={4}>
              {errors.fieldErrors.conditions}
            </Text>
          )}
          <Button variant="subtle" size="xs" mt={6} leftSection={<IconPlus size={14} />} onClick={() => setConditions((list) => [...list, emptyCondition()])}>
            Add condition
          </Button>
        </section>
        <section aria-labelledby="rule-actions">
          <Title order={3} size="h6" id="rule-actions" mb={6}>
            Then
          </Title>
          <Stack gap={8}>
            {actions.map((a, i) => (
              <div key={i} className={classes.editRowAction} role="group" aria-label={`Action ${i + 1}`}>
                <Select
                  aria-label="Action"
                  data={ACTIONS}
                  value={a.type}
                  allowDeselect={false}
                  onChange={(v) => setAction(i, { type: (v ?? 'setCategory') as ActionDraft['type'], value: '' })}
                  comboboxProps={{ withinPortal: true }}
                />
                {a.type === 'setCategory' ? (
                  <Select aria-label="Category" searchable data={categoryOptions(tree.data ?? [], [a.value])} value={a.value || null} onChange={(v) => setAction(i, { value: v ?? '' })} comboboxProps={{ withinPortal: true }} />
                ) : a.type === 'markTransfer' ? (
                  <Select aria-label="Other account" data={accountOptions} value={a.value || null} onChange={(v) => setAction(i, { value: v ?? '' })} comboboxProps={{ withinPortal: true }} />
                ) : (
                  <TextInput aria-label={a.type === 'addTag' ? 'Tag' : 'New payee'} value={a.value} onChange={(e) => setAction(i, { value: e.currentTarget.value })} />
                )}
                <ActionIcon variant="subtle" color="gray" aria-label={`Remove action ${i + 1}`} disabled={actions.length === 1} onClick={() => setActions((list) => list.filter((_, n) => n !== i))}>
                  <IconX size={16} />
                </ActionIcon>
              </div>
            ))}
          </Stack>
          {errors.fieldErrors.actions && (
            <Text c="red" size="sm" mt={4}>
              {errors.fieldErrors.actions}
            </Text>
          )}
          <Button variant="subtle" size="xs" mt={6} leftSection={<IconPlus size={14} />} onClick={() => setActions((list) => [...list, emptyAction()])}>
            Add action
          </Button>
        </section>
        <Switch label="Enabled: applies to new and imported transactions" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        {errors.formError && (
          <Text c="red" size="sm">
            {errors.formError}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {rule ? 'Save' : 'Create rule'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function RuleDialog({ opened, onClose, rule, seed, exponent }: { opened: boolean; onClose: () => void; rule?: FinanceRule; seed?: RuleSeed; exponent: number }) {
  return (
    <Modal opened={opened} onClose={onClose} title={rule ? 'Edit rule' : 'New rule'} centered size="lg" radius="lg">
      {opened && <RuleForm rule={rule} seed={seed} exponent={exponent} onClose={onClose} />}
    </Modal>
  );
}
