import type { FinanceRule } from '@atom/contracts';
import { Button, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay, IconPlus, IconWand } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../app/notify';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { refreshFinance, useAccounts, useCategoryTree, useExponents } from '../finance-api';
import { EmptyState, FinanceHeader } from '../FinanceHeader';
import { useBaseCurrency } from '../goals/goals-api';
import { formatMoney } from '../money';
import { ApplyRulesDialog } from './ApplyRulesDialog';
import { RuleDialog, type RuleSeed } from './RuleDialog';
import { actionText, conditionText, type Names } from './rule-text';
import { rulesApi, useRuleSuggestions, useRules } from './rules-api';
import classes from './rules.module.css';
import { SortableRules } from './SortableRules';

type Editing = { rule: FinanceRule } | { seed?: RuleSeed } | null;

/** `/finance/rules`: categorise, rename and tag transactions automatically; suggestions from what was done by hand. */
export function RulesPage() {
  const client = useQueryClient();
  const rules = useRules();
  const suggestions = useRuleSuggestions();
  const tree = useCategoryTree();
  const accounts = useAccounts();
  const base = useBaseCurrency();
  const exponents = useExponents();
  const currency = base.data ?? 'USD';
  const exponent = exponents?.get(currency) ?? 2;
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<FinanceRule | null>(null);
  const [applying, setApplying] = useState(false);

  const categoryName = new Map((tree.data ?? []).flatMap((g) => g.categories.map((c) => [c.id, c.name] as const)));
  const accountName = new Map((accounts.data ?? []).map((a) => [a.id, a.name] as const));
  const names: Names = {
    category: (id) => categoryName.get(id) ?? 'a deleted category',
    account: (id) => accountName.get(id) ?? 'a deleted account',
    money: (minor) => formatMoney(minor, currency, exponent),
  };
  const ruleName = (id: string) => rules.data?.find((r) => r.id === id)?.name || 'a rule';

  const toggle = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (rule: FinanceRule) => rulesApi.update(rule.id, { enabled: !rule.enabled }),
    onSuccess: () => refreshFinance(client),
    onError: (e) => notifyError(e, 'Could not change the rule'),
  });
  const remove = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (rule: FinanceRule) => rulesApi.remove(rule.id),
    onSuccess: async () => {
      setDeleting(null);
      notifySuccess('The rule is deleted.');
      await refreshFinance(client);
    },
    onError: (e) => notifyError(e, 'Could not delete the rule'),
  });

  const newRule = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({})}>
      New rule
    </Button>
  );
  const hasRules = (rules.data?.length ?? 0) > 0;
  return (
    <>
      <FinanceHeader
        title="Rules"
        actions={
          hasRules ? (
            <>
              <Button variant="default" leftSection={<IconPlayerPlay size={16} />} onClick={() => setApplying(true)}>
                Apply to existing
              </Button>
              {newRule}
            </>
          ) : undefined
        }
      />
      <Stack gap="lg">
        {rules.isPending && <Skeleton height={120} radius="lg" />}
        {rules.data?.length === 0 && (
          <EmptyState icon={IconWand} title="No rules yet" action={newRule}>
            A rule categorises, renames or tags transactions as they are added or imported: “payee contains Tesco → Groceries”.
          </EmptyState>
        )}
        {hasRules && (
          <>
            <Text size="sm" c="dimmed" mt={-8}>
              Rules apply from the top down; a field set by a rule above is not changed by one below. Drag a rule by its handle to reorder.
            </Text>
            <SortableRules rules={rules.data!} names={names} onToggle={(r) => toggle.mutate(r)} onEdit={(r) => setEditing({ rule: r })} onDelete={setDeleting} />
          </>
        )}
        {suggestions.data && suggestions.data.length > 0 && (
          <section aria-labelledby="suggestions-heading">
            <Title order={2} size="h5" id="suggestions-heading" mb={4}>
              Suggested rules
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              From transactions you categorised the same way by hand.
            </Text>
            <Card withBorder radius="lg" padding={0}>
              {suggestions.data.map((s) => (
                <div key={`${s.name}-${s.transactionIds[0] ?? ''}`} className={classes.ruleRow} data-testid="rule-suggestion">
                  <div className={classes.ruleText}>
                    <Text size="sm" fw={600} c="bright">
                      {s.name}
                    </Text>
                    <Text size="sm" c="dimmed">
                      When {s.conditions.map((c) => conditionText(c, names)).join(' and ')}: {s.actions.map((a) => actionText(a, names)).join(', ')} · {s.matches} matching
                    </Text>
                  </div>
                  <Button size="xs" variant="light" onClick={() => setEditing({ seed: { name: s.name, conditions: s.conditions, actions: s.actions } })}>
                    Create rule
                  </Button>
                </div>
              ))}
            </Card>
          </section>
        )}
      </Stack>
      <RuleDialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        rule={editing && 'rule' in editing ? editing.rule : undefined}
        seed={editing && 'seed' in editing ? editing.seed : undefined}
        exponent={exponent}
      />
      <ApplyRulesDialog opened={applying} onClose={() => setApplying(false)} names={names} ruleName={ruleName} />
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${deleting?.name || 'this rule'}?`}
        message="Transactions it already changed stay as they are."
        confirmLabel="Delete rule"
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onCancel={() => setDeleting(null)}
      />
    </>
  );
}
