import { z } from 'zod';
import { DateOnly, Instant } from './dates.js';

const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like #4c6ef5' });
const Name = z.string().trim().min(1, { error: 'is required' }).max(120, { error: 'must be at most 120 characters' });
const Id = z.string().min(1).max(64);

export const Column = z
  .object({ id: z.string(), name: z.string(), done: z.boolean().describe('Tasks moved here are completed') })
  .meta({ id: 'Column' });
export type Column = z.infer<typeof Column>;

export const Project = z
  .object({
    id: z.string(),
    name: z.string(),
    color: z.string(),
    archived: z.boolean(),
    parentId: z.string().nullable(),
    isInbox: z.boolean(),
    columns: z.array(Column).describe('Kanban columns, in board order'),
    openTaskCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof Project>;

export const ProjectList = z.object({ items: z.array(Project) }).meta({ id: 'ProjectList' });

export const CreateProjectInput = z
  .object({
    name: Name,
    color: Color.optional(),
    parentId: Id.nullable().optional(),
    columns: z.array(z.object({ name: Name, done: z.boolean().optional() })).max(20).optional().describe('Defaults to To do / Doing / Done'),
  })
  .meta({ id: 'CreateProjectInput' });
export type CreateProjectInput = z.infer<typeof CreateProjectInput>;

export const UpdateProjectInput = z
  .object({ name: Name.optional(), color: Color.optional(), parentId: Id.nullable().optional(), archived: z.boolean().optional() })
  .meta({ id: 'UpdateProjectInput' });
export type UpdateProjectInput = z.infer<typeof UpdateProjectInput>;

export const CreateColumnInput = z
  .object({ name: Name, done: z.boolean().optional(), after: Id.nullable().optional().describe('Column id to place it after; null = first') })
  .meta({ id: 'CreateColumnInput' });
export type CreateColumnInput = z.infer<typeof CreateColumnInput>;

export const UpdateColumnInput = z
  .object({ name: Name.optional(), done: z.boolean().optional(), after: Id.nullable().optional() })
  .meta({ id: 'UpdateColumnInput' });
export type UpdateColumnInput = z.infer<typeof UpdateColumnInput>;

export const ColumnParams = z.object({ id: Id, columnId: Id });

export const Priority = z.number().int().min(1, { error: 'must be 1 (highest) to 4' }).max(4, { error: 'must be 1 (highest) to 4' });
export const TaskStatus = z.enum(['open', 'done']);
export const RecurrenceFrom = z.enum(['schedule', 'completion']);
const LabelName = z.string().trim().min(1).max(60).regex(/^[^,]+$/, { error: 'must not contain commas' });

export const Task = z
  .object({
    id: z.string(),
    title: z.string(),
    notes: z.string().describe('Markdown'),
    status: TaskStatus,
    priority: z.number().int().describe('1 highest .. 4 lowest (none)'),
    labels: z.array(z.string()).describe('Label names'),
    projectId: z.string(),
    parentId: z.string().nullable(),
    columnId: z.string().nullable(),
    dueAt: z.string().nullable().describe('Due instant (UTC) when a time was set'),
    dueDate: z.string().nullable().describe('Due date when no time was set'),
    startAt: z.string().nullable().describe('Hidden from Today/Upcoming before this instant'),
    estimateMinutes: z.number().int().nullable(),
    recurrence: z.string().nullable().describe('RRULE, e.g. FREQ=WEEKLY;BYDAY=MO'),
    recurrenceFrom: RecurrenceFrom.nullable(),
    completedAt: z.string().nullable(),
    rank: z.string().describe('Order within its list or column (fractional index)'),
    subtasks: z.object({ total: z.number().int(), done: z.number().int() }).describe('Progress of direct subtasks'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof Task>;

export const TaskPage = z
  .object({ items: z.array(Task), nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null at the end') })
  .meta({ id: 'TaskPage' });
export type TaskPage = z.infer<typeof TaskPage>;

/** Every writable task field; create and update are views of this one object. */
const TaskFields = z.object({
  title: z.string().trim().min(1, { error: 'is required' }).max(500, { error: 'must be at most 500 characters' }),
  notes: z.string().max(50_000, { error: 'must be at most 50,000 characters' }),
  priority: Priority,
  labels: z.array(LabelName).max(50),
  projectId: Id,
  parentId: Id.nullable(),
  columnId: Id.nullable(),
  dueAt: Instant.nullable(),
  dueDate: DateOnly.nullable(),
  startAt: Instant.nullable(),
  estimateMinutes: z.number().int().min(1).max(100_000).nullable(),
  recurrence: z.string().trim().min(1).max(500).nullable(),
  recurrenceFrom: RecurrenceFrom,
  status: TaskStatus,
});

export const CreateTaskInput = TaskFields.omit({ status: true })
  .partial()
  .required({ title: true })
  .extend({ projectId: Id.optional().describe('Defaults to the Inbox') })
  .meta({ id: 'CreateTaskInput' });
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;

/** columnId is changed by moving (POST /tasks/:id/move), not by update. */
export const UpdateTaskInput = TaskFields.omit({ columnId: true }).partial().meta({ id: 'UpdateTaskInput' });
export type UpdateTaskInput = z.infer<typeof UpdateTaskInput>;

export const MoveTaskInput = z
  .object({
    projectId: Id.optional().describe('Target project; defaults to the current one'),
    column: Id.nullable().optional().describe('Target column id; null = the first column'),
    after: Id.nullable().optional().describe('Place after this task; null or absent = at the top'),
  })
  .meta({ id: 'MoveTaskInput' });
export type MoveTaskInput = z.infer<typeof MoveTaskInput>;

/** A query-string list: `a,b,c` (or repeated parameters) becomes an array. */
const csv = <T extends z.ZodType>(inner: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : v),
    z.array(inner).max(50),
  );

export const TaskQuery = z
  .object({
    q: z.string().max(200).optional().describe('Text in title or notes'),
    projectId: Id.optional(),
    labels: csv(LabelName).optional().describe('Comma-separated label names; a task must carry all of them'),
    priority: csv(z.coerce.number().pipe(Priority)).optional().describe('Comma-separated priorities, e.g. 1,2'),
    dueFrom: DateOnly.optional().describe('Due on or after this date (in your time zone)'),
    dueTo: DateOnly.optional().describe('Due on or before this date (in your time zone)'),
    status: z.enum(['open', 'done', 'all']).default('open'),
    parentId: Id.optional().describe('Only the subtasks of this task'),
    topLevel: z.enum(['true', 'false']).optional().describe('true: only tasks without a parent'),
    view: z.enum(['today', 'upcoming']).optional().describe('today: overdue and due today; upcoming: the next 14 days'),
    sort: z.enum(['rank', 'due', 'priority', 'created']).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .meta({ id: 'TaskQuery' });
export type TaskQuery = z.infer<typeof TaskQuery>;

export const QuickAddInput = z
  .object({
    text: z.string().trim().min(1, { error: 'is required' }).max(1000),
    projectId: Id.optional().describe('Used when the text names no #project'),
  })
  .meta({ id: 'QuickAddInput' });
export type QuickAddInput = z.infer<typeof QuickAddInput>;

export const QuickAddPart = z.object({
  kind: z.enum(['date', 'recurrence', 'project', 'label', 'priority']),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});

export const QuickAddParse = z
  .object({
    title: z.string(),
    projectName: z.string().nullable(),
    projectId: z.string().nullable().describe('The project the name matched, if any'),
    labels: z.array(z.string()),
    priority: z.number().int().nullable(),
    dueDate: z.string().nullable(),
    dueAt: z.string().nullable(),
    recurrence: z.string().nullable(),
    recurrenceFrom: RecurrenceFrom.nullable(),
    parts: z.array(QuickAddPart),
    problems: z.record(z.string(), z.string()).describe('What would stop the task from being created, e.g. an unknown project'),
  })
  .meta({ id: 'QuickAddParse' });
export type QuickAddParse = z.infer<typeof QuickAddParse>;

export const QuickAddResult = z.object({ task: Task, parsed: QuickAddParse }).meta({ id: 'QuickAddResult' });
export type QuickAddResult = z.infer<typeof QuickAddResult>;

export const CompleteResult = z
  .object({ task: Task, next: Task.nullable().describe('The next occurrence, for a recurring task') })
  .meta({ id: 'CompleteResult' });
export type CompleteResult = z.infer<typeof CompleteResult>;

/** The moved task; `next` is set when the move completed a recurring task (a drop into a done column). */
export const MoveResult = Task.extend({ next: Task.nullable().describe('The next occurrence created by completing a recurring task') }).meta({
  id: 'MoveResult',
});
export type MoveResult = z.infer<typeof MoveResult>;

export const BulkTaskInput = z
  .object({
    ids: z.array(Id).min(1).max(500),
    action: z.enum(['complete', 'reopen', 'move', 'label', 'unlabel', 'delete', 'restore', 'place']),
    projectId: Id.optional().describe('For move'),
    labels: z.array(LabelName).max(50).optional().describe('For label / unlabel'),
    places: z
      .array(z.object({ id: Id, projectId: Id, parentId: Id.nullable(), columnId: Id.nullable(), rank: z.string().min(1).max(200) }))
      .max(500)
      .optional()
      .describe('For place: put each task back exactly where it was (undo of a move); one entry per id'),
  })
  .meta({ id: 'BulkTaskInput' });
export type BulkTaskInput = z.infer<typeof BulkTaskInput>;

export const BulkTaskResult = z.object({ updated: z.number().int(), created: z.array(Task) }).meta({ id: 'BulkTaskResult' });

export const Label = z
  .object({ id: z.string(), name: z.string(), color: z.string(), openTaskCount: z.number().int(), createdAt: z.string() })
  .meta({ id: 'Label' });
export type Label = z.infer<typeof Label>;
export const LabelList = z.object({ items: z.array(Label) }).meta({ id: 'LabelList' });
export const CreateLabelInput = z.object({ name: LabelName, color: Color.optional() }).meta({ id: 'CreateLabelInput' });
export type CreateLabelInput = z.infer<typeof CreateLabelInput>;
export const UpdateLabelInput = z.object({ name: LabelName.optional(), color: Color.optional() }).meta({ id: 'UpdateLabelInput' });
export type UpdateLabelInput = z.infer<typeof UpdateLabelInput>;

export const FilterQuery = z
  .object({
    q: z.string().max(200).optional(),
    projectId: Id.optional(),
    labels: z.array(LabelName).max(20).optional(),
    priority: z.array(Priority).max(4).optional(),
    dueFrom: DateOnly.optional(),
    dueTo: DateOnly.optional(),
    status: z.enum(['open', 'done', 'all']).optional(),
  })
  .strict()
  .meta({ id: 'FilterQuery' });
export type FilterQuery = z.infer<typeof FilterQuery>;

export const SavedFilter = z
  .object({ id: z.string(), name: z.string(), query: FilterQuery, createdAt: z.string(), updatedAt: z.string() })
  .meta({ id: 'SavedFilter' });
export type SavedFilter = z.infer<typeof SavedFilter>;
export const SavedFilterList = z.object({ items: z.array(SavedFilter) }).meta({ id: 'SavedFilterList' });
export const CreateFilterInput = z.object({ name: Name, query: FilterQuery }).meta({ id: 'CreateFilterInput' });
export type CreateFilterInput = z.infer<typeof CreateFilterInput>;
export const UpdateFilterInput = z.object({ name: Name.optional(), query: FilterQuery.optional() }).meta({ id: 'UpdateFilterInput' });
export type UpdateFilterInput = z.infer<typeof UpdateFilterInput>;
