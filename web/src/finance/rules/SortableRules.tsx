import type { FinanceRule } from '@atom/contracts';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Card, Menu, Switch, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDots, IconGripVertical, IconPencil, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError } from '../../app/notify';
import { refreshFinance } from '../finance-api';
import { actionText, conditionText, type Names } from './rule-text';
import { rulesApi } from './rules-api';
import classes from './rules.module.css';

interface RowProps {
  rule: FinanceRule;
  index: number;
  count: number;
  names: Names;
  onToggle: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onMove: (to: number) => void;
}

function RuleRow({ rule, index, count, names, onToggle, onEdit, onDelete, onMove }: RowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: rule.id });
  const name = rule.name || 'Unnamed rule';
  return (
    <div
      ref={setNodeRef}
      className={classes.ruleRow}
      data-disabled={!rule.enabled || undefined}
      data-dragging={isDragging || undefined}
      data-testid="rule"
      data-rule-id={rule.id}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" className={classes.handle} aria-label={`Reorder ${name} (position ${index + 1} of ${count})`} {...attributes} {...listeners}>
        <IconGripVertical size={16} />
      </ActionIcon>
      <div className={classes.ruleText}>
        <Text size="sm" fw={600} c="bright">
          {name}
        </Text>
        <Text size="sm" c="dimmed">
          When {rule.conditions.map((c) => conditionText(c, names)).join(' and ')}: {rule.actions.map((a) => actionText(a, names)).join(', ')}
        </Text>
      </div>
      <Switch aria-label={`${rule.name || 'Rule'} enabled`} checked={rule.enabled} onChange={onToggle} />
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${rule.name || 'rule'}`}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={15} />} onClick={onEdit}>
            Edit rule
          </Menu.Item>
          <Menu.Item leftSection={<IconArrowUp size={15} />} disabled={index === 0} onClick={() => onMove(index - 1)}>
            Move up
          </Menu.Item>
          <Menu.Item leftSection={<IconArrowDown size={15} />} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
            Move down
          </Menu.Item>
          <Menu.Item leftSection={<IconTrash size={15} />} color="red" onClick={onDelete}>
            Delete rule
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </div>
  );
}

/**
 * The rules in the order they apply: drag a row by its handle (or focus the handle, Space,
 * arrow keys, Space), or use Move up / Move down in its menu. The new place is saved at once.
 */
export function SortableRules({ rules, names, onToggle, onEdit, onDelete }: { rules: FinanceRule[]; names: Names; onToggle: (r: FinanceRule) => void; onEdit: (r: FinanceRule) => void; onDelete: (r: FinanceRule) => void }) {
  const client = useQueryClient();
  // The order shown while a move is saved (then the server's order takes over again).
  const [pending, setPending] = useState<string[] | null>(null);
  const byId = new Map(rules.map((r) => [r.id, r] as const));
  const ids = pending && pending.length === rules.length && pending.every((id) => byId.has(id)) ? pending : rules.map((r) => r.id);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const move = useMutation({
    meta: { handlesErrors: true },
    mutationFn: ({ id, to }: { id: string; to: number }) => rulesApi.update(id, { position: to }),
    onError: (e) => notifyError(e, 'Could not move the rule'),
    onSettled: async () => {
      await refreshFinance(client);
      setPending(null);
    },
  });

  const moveTo = (id: string, to: number) => {
    const from = ids.indexOf(id);
    if (from === -1 || to < 0 || to >= ids.length || from === to) return;
    setPending(arrayMove(ids, from, to));
    move.mutate({ id, to });
  };

  const nameOf = (id: string | number) => byId.get(String(id))?.name || 'The rule';
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up “${nameOf(active.id)}”, position ${ids.indexOf(String(active.id)) + 1} of ${ids.length}. Arrow keys move it, Space drops it, Escape cancels.`,
    onDragOver: ({ active, over }) => (over ? `“${nameOf(active.id)}” is over position ${ids.indexOf(String(over.id)) + 1} of ${ids.length}.` : undefined),
    onDragEnd: ({ active, over }) => `Dropped “${nameOf(active.id)}”${over ? ` at position ${ids.indexOf(String(over.id)) + 1}` : ''}.`,
    onDragCancel: ({ active }) => `Cancelled. “${nameOf(active.id)}” is back where it was.`,
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) moveTo(String(active.id), ids.indexOf(String(over.id)));
  };

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: 'To move a rule, press Space, then the arrow keys, then Space to drop it (Escape cancels).' } }}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <Card withBorder radius="lg" padding={0} component="section" aria-label="Rules in the order they apply">
          {ids.map((id, index) => {
            const rule = byId.get(id)!;
            return (
              <RuleRow
                key={id}
                rule={rule}
                index={index}
                count={ids.length}
                names={names}
                onToggle={() => onToggle(rule)}
                onEdit={() => onEdit(rule)}
                onDelete={() => onDelete(rule)}
                onMove={(to) => moveTo(id, to)}
              />
            );
          })}
        </Card>
      </SortableContext>
    </DndContext>
  );
}
