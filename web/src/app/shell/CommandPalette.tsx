import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { Spotlight, spotlight, type SpotlightActionGroupData } from '@mantine/spotlight';
import {
  IconCalendarDue,
  IconKey,
  IconLogout,
  IconMoon,
  IconPalette,
  IconPlus,
  IconSearch,
  IconSun,
  IconUser,
  IconUserPlus,
} from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { areas, homeLink, settingsLink } from '../areas';
import { useUser } from '../auth';
import { quickAdd } from '../../tasks/quick-add-launcher';
import { runPageSearch } from './page-search';
import { useSignOut } from './use-sign-out';

const icon = { size: 18, stroke: 1.75 } as const;

/** Ctrl/Cmd+K (or `/`): jump to any area or settings page, switch theme, log out. */
export function CommandPalette() {
  const navigate = useNavigate();
  const user = useUser();
  const signOut = useSignOut();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const go = (path: string) => () => void navigate(path);

  // `/` opens search like in most tools (or the page's own search, e.g. in Tasks); it is ignored while typing in a field.
  useHotkeys([
    [
      '/',
      (event) => {
        event.preventDefault();
        if (!runPageSearch()) spotlight.open();
      },
    ],
  ]);

  const actions: SpotlightActionGroupData[] = [
    {
      group: 'Go to',
      actions: [homeLink, ...areas, settingsLink].map((item) => {
        const Icon = item.icon;
        return {
          id: `go-${item.path}`,
          label: item.label,
          description: 'summary' in item ? item.summary : undefined,
          leftSection: <Icon {...icon} />,
          onClick: go(item.path),
        };
      }),
    },
    {
      group: 'Settings',
      actions: [
        { id: 'profile', label: 'Profile and password', leftSection: <IconUser {...icon} />, onClick: go('/settings/profile') },
        {
          id: 'tokens',
          label: 'Personal access tokens',
          keywords: ['api', 'token', 'bearer'],
          leftSection: <IconKey {...icon} />,
          onClick: go('/settings/tokens'),
        },
        ...(user.role === 'admin'
          ? [
              {
                id: 'invitations',
                label: 'Invite people',
                keywords: ['invitation', 'invite', 'users', 'members'],
                leftSection: <IconUserPlus {...icon} />,
                onClick: go('/settings/invitations'),
              },
            ]
          : []),
        { id: 'appearance', label: 'Appearance', leftSection: <IconPalette {...icon} />, onClick: go('/settings/appearance') },
      ],
    },
    {
      group: 'Actions',
      actions: [
        {
          id: 'add-task',
          label: 'Add task',
          description: 'Quick add: “Call mom tomorrow 5pm #Family @phone !1”',
          keywords: ['task', 'todo', 'new', 'create', 'quick add'],
          leftSection: <IconPlus {...icon} />,
          onClick: () => quickAdd.open(),
        },
        {
          id: 'tasks-today',
          label: 'Tasks due today',
          keywords: ['today', 'tasks', 'due', 'overdue'],
          leftSection: <IconCalendarDue {...icon} />,
          onClick: go('/tasks/today'),
        },
        {
          id: 'toggle-theme',
          label: scheme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme',
          keywords: ['theme', 'dark', 'light', 'appearance', 'colour', 'color'],
          leftSection: scheme === 'dark' ? <IconSun {...icon} /> : <IconMoon {...icon} />,
          onClick: () => setColorScheme(scheme === 'dark' ? 'light' : 'dark'),
        },
        { id: 'logout', label: 'Log out', keywords: ['sign out', 'logout'], leftSection: <IconLogout {...icon} />, onClick: signOut },
      ],
    },
  ];

  return (
    <Spotlight
      actions={actions}
      shortcut="mod + K"
      // Ctrl/Cmd+K works from inside text fields too: it is not something one types.
      tagsToIgnore={[]}
      nothingFound="Nothing matches"
      scrollable
      maxHeight={440}
      searchProps={{
        leftSection: <IconSearch size={18} stroke={1.5} />,
        placeholder: 'Search or jump to…',
        'aria-label': 'Search or jump to',
      }}
    />
  );
}
