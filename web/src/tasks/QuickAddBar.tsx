import type { QuickAddParse, Task } from '@atom/contracts';
import { Button, Kbd, Loader, Text } from '@mantine/core';
import { IconAlertCircle, IconAt, IconCalendar, IconFlag, IconHash, IconPlus, IconRepeat, type Icon } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useId, useRef, type ReactNode } from 'react';
import { notifySuccess } from '../app/notify';
import { useUser } from '../app/auth';
import { formatDueLong } from './due';
import { useProjectMutations } from './projects-api';
import { describeRule } from './rrule';
import { useProjects } from './tasks-api';
import { useQuickAdd } from './use-quick-add';
import classes from './quick-add.module.css';

type Kind = QuickAddParse['parts'][number]['kind'];

const KIND_ICON: Record<Kind, Icon> = { date: IconCalendar, recurrence: IconRepeat, project: IconHash, label: IconAt, priority: IconFlag };
const KIND_NAME: Record<Kind, string> = { date: 'Due', recurrence: 'Repeats', project: 'Project', label: 'Label', priority: 'Priority' };

/** The typed text with the understood parts marked, drawn exactly behind the input. */
function Mirror({ text, parsed, mirrorRef }: { text: string; parsed: QuickAddParse | null; mirrorRef: React.RefObject<HTMLDivElement | null> }) {
  const parts = (parsed?.parts ?? [])
    .filter((p) => text.slice(p.start, p.end) === p.text)
    .sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const p of parts) {
    if (p.start < at) continue;
    out.push(text.slice(at, p.start));
    out.push(
      <mark key={p.start} className={classes.mark} data-kind={p.kind}>
        {text.slice(p.start, p.end)}
      </mark>,
    );
    at = p.end;
  }
  out.push(text.slice(at));
  return (
    <div ref={mirrorRef} className={classes.mirror} aria-hidden>
      {out}
    </div>
  );
}

function Chip({ kind, children }: { kind: Kind; children: ReactNode }) {
  const KindIcon = KIND_ICON[kind];
  return (
    <span className={classes.chip} data-kind={kind} data-testid="quick-add-chip">
      <KindIcon size={13} stroke={2} aria-hidden />
      <span className={classes.srOnly}>{KIND_NAME[kind]}: </span>
      {children}
    </span>
  );
}

interface Props {
  /** Tasks go here unless the text names a #project. */
  projectId?: string;
  /** Whether a new task shows in the current view; if not, a toast says where it went. */
  accepts?: (task: Task) => boolean;
  autoFocus?: boolean;
  onAdded?: (task: Task) => void;
  placeholder?: string;
  /** Inside a dialog: no space below. */
  flush?: boolean;
}

/** One line that becomes a task: "Call mom tomorrow 5pm #Family @phone !1". */
export function QuickAddBar({ projectId, accepts, autoFocus, onAdded, placeholder, flush }: Props) {
  const { timeZone } = useUser();
  const projects = useProjects();
  const { create: createProject } = useProjectMutations();
  const narrow = useMediaQuery('(max-width: 36em)');
  const inputRef = useRef<HTMLInputElement>(null);
  const mirrorRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const previewId = useId();

  const qa = useQuickAdd(projectId, (task) => {
    onAdded?.(task);
    if (accepts && !accepts(task)) {
      const where = projects.data?.find((p) => p.id === task.projectId)?.name ?? 'your tasks';
      notifySuccess(`Added “${task.title}” to ${where}`);
    }
  });
  const parsed = qa.parsed;
  const due = parsed ? formatDueLong(parsed, timeZone) : null;
  const problems = parsed ? Object.entries(parsed.problems).filter(([field]) => field !== 'title' || qa.text.trim().length > 0) : [];
  const missingProject = parsed?.problems.project && parsed.projectName ? parsed.projectName : null;
  const hasChips = parsed && (due || parsed.recurrence || parsed.projectName || parsed.labels.length > 0 || parsed.priority);

  return (
    <form
      className={classes.root}
      data-flush={flush || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        qa.submit();
      }}
      aria-label="Quick add"
    >
      <div className={classes.field} data-error={qa.error ? true : undefined}>
        <IconPlus size={18} stroke={2} className={classes.plus} aria-hidden />
        <div className={classes.inputWrap}>
          <Mirror text={qa.text} parsed={parsed} mirrorRef={mirrorRef} />
          <input
            ref={inputRef}
            className={classes.input}
            value={qa.text}
            onChange={(e) => qa.change(e.currentTarget.value)}
            onScroll={(e) => {
              if (mirrorRef.current) mirrorRef.current.scrollLeft = e.currentTarget.scrollLeft;
            }}
            onKeyUp={(e) => {
              if (mirrorRef.current) mirrorRef.current.scrollLeft = e.currentTarget.scrollLeft;
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                if (qa.text) qa.change('');
                else e.currentTarget.blur();
              }
            }}
            placeholder={narrow ? 'Add a task…' : (placeholder ?? 'Add a task, e.g. “Call mom tomorrow 5pm #Family @phone !1”')}
            aria-label="Add a task"
            aria-describedby={`${hintId} ${previewId}`}
            aria-invalid={qa.error ? true : undefined}
            autoComplete="off"
            spellCheck={false}
            autoFocus={autoFocus}
            data-quick-add-input
            enterKeyHint="done"
          />
        </div>
        {qa.pending ? (
          <Loader size="xs" aria-label="Adding" />
        ) : qa.text.trim() ? (
          <Button type="submit" size="compact-sm" className={classes.addButton}>
            Add
          </Button>
        ) : (
          <span className={classes.hint} id={hintId}>
            <Kbd size="xs">Q</Kbd>
          </span>
        )}
      </div>
      <div id={previewId} className={classes.preview} aria-live="polite">
        {hasChips && (
          <div className={classes.chips}>
            {due && <Chip kind="date">{due}</Chip>}
            {parsed.recurrence && <Chip kind="recurrence">{describeRule(parsed.recurrence, parsed.recurrenceFrom)}</Chip>}
            {parsed.projectName && <Chip kind="project">{parsed.projectName}</Chip>}
            {parsed.labels.map((l) => (
              <Chip key={l} kind="label">
                {l}
              </Chip>
            ))}
            {parsed.priority && <Chip kind="priority">Priority {parsed.priority}</Chip>}
          </div>
        )}
        {problems.length > 0 && !qa.error && (
          <Text size="xs" c="red" className={classes.problem} role="status">
            <IconAlertCircle size={14} aria-hidden />
            {problems.map(([, message]) => message).join('; ')}
            {missingProject && (
              <Button
                size="compact-xs"
                variant="light"
                color="red"
                loading={createProject.isPending}
                onClick={() => createProject.mutate({ name: missingProject }, { onSuccess: () => qa.reparse() })}
              >
                Create project “{missingProject}”
              </Button>
            )}
          </Text>
        )}
        {qa.error && (
          <Text size="xs" c="red" className={classes.problem} role="alert">
            <IconAlertCircle size={14} aria-hidden />
            {qa.error}
          </Text>
        )}
      </div>
    </form>
  );
}
