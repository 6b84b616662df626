import {
  IconBolt,
  IconCalendar,
  IconCalendarTime,
  IconChecklist,
  IconHome,
  IconInbox,
  IconSettings,
  IconWallet,
  type Icon,
} from '@tabler/icons-react';

/** One area of Atom: what the navigation, the home page and the command palette show. */
export interface Area {
  key: string;
  path: string;
  label: string;
  icon: Icon;
  /** One line: what the area is for. */
  summary: string;
  /** What it will do, in plain words, until it is built. */
  plans: string[];
  built: boolean;
}

export const areas: Area[] = [
  {
    key: 'calendar',
    path: '/calendar',
    label: 'Calendar',
    icon: IconCalendar,
    summary: 'All your calendars in one view, synced over CalDAV.',
    plans: [
      'Connect Google, iCloud, Fastmail, Nextcloud or any other CalDAV calendar.',
      'See every calendar together in day, week and month views.',
      'Create events and recurring series, with time zones handled for you.',
    ],
    built: true,
  },
  {
    key: 'tasks',
    path: '/tasks',
    label: 'Tasks',
    icon: IconChecklist,
    summary: 'Everything you have to do, with due dates and projects.',
    plans: [
      'Capture tasks in a keystroke, with due dates, priorities and projects.',
      'Repeat tasks on any schedule.',
      'Work through lists from the keyboard.',
    ],
    built: true,
  },
  {
    key: 'planner',
    path: '/planner',
    label: 'Planner',
    icon: IconCalendarTime,
    summary: 'Your day planned: tasks placed into the free time on your calendar.',
    plans: [
      'Place tasks into the free time between your events.',
      'Re-plan the rest of the day when something moves.',
      'Review the week that was and plan the next one.',
    ],
    built: false,
  },
  {
    key: 'inbox',
    path: '/inbox',
    label: 'Inbox',
    icon: IconInbox,
    summary: 'Your email over IMAP and SMTP, next to your tasks and calendar.',
    plans: [
      'Read and answer mail from Gmail, Microsoft 365 or any IMAP host.',
      'Turn an email into a task or an event in one step.',
      'Search all your mail quickly.',
    ],
    built: false,
  },
  {
    key: 'finance',
    path: '/finance',
    label: 'Finance',
    icon: IconWallet,
    summary: 'Accounts, transactions and budgets from your bank statements.',
    plans: [
      'Import OFX, QIF, CAMT and CSV statements; importing a file twice adds nothing.',
      'Categorise transactions and follow budgets month by month.',
      'See balances and spending in your own currency.',
    ],
    built: true,
  },
  {
    key: 'automations',
    path: '/automations',
    label: 'Automations',
    icon: IconBolt,
    summary: 'Rules that act when something happens anywhere in Atom.',
    plans: [
      'When an email arrives, a task is created or a payment lands, do something.',
      'Call webhooks and other services.',
      'See every run and why it did what it did.',
    ],
    built: false,
  },
];

export const homeLink = { path: '/', label: 'Home', icon: IconHome };
export const settingsLink = { path: '/settings', label: 'Settings', icon: IconSettings };
