import { Tabs } from '@mantine/core';
import { IconCalendar, IconKey, IconPalette, IconPlugConnected, IconUser, IconUserPlus, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useUser } from '../app/auth';
import { CalendarSettingsSection } from '../calendar/CalendarSettingsSection';
import { CaldavSection } from '../calendar/connections/CaldavSection';
import { PageHeader } from '../ui/PageHeader';
import { AppearanceSection } from './AppearanceSection';
import { InvitesSection } from './InvitesSection';
import { ProfileSection } from './ProfileSection';
import { TokensSection } from './TokensSection';
import classes from './settings.module.css';

interface Section {
  key: string;
  label: string;
  icon: Icon;
  adminOnly?: boolean;
  render: () => ReactNode;
}

const sections: Section[] = [
  { key: 'profile', label: 'Profile', icon: IconUser, render: () => <ProfileSection /> },
  { key: 'tokens', label: 'Tokens', icon: IconKey, render: () => <TokensSection /> },
  { key: 'invitations', label: 'Invitations', icon: IconUserPlus, adminOnly: true, render: () => <InvitesSection /> },
  { key: 'appearance', label: 'Appearance', icon: IconPalette, render: () => <AppearanceSection /> },
  { key: 'calendar', label: 'Calendar', icon: IconCalendar, render: () => <CalendarSettingsSection /> },
  { key: 'connections', label: 'Connections', icon: IconPlugConnected, render: () => <CaldavSection /> },
];

/** One URL per section (/settings/tokens...), so sections can be linked and reloaded. */
export function SettingsPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { section = 'profile' } = useParams();
  const visible = sections.filter((s) => !s.adminOnly || user.role === 'admin');
  const current = visible.find((s) => s.key === section);

  if (!current) return <Navigate to="/settings/profile" replace />;

  return (
    <>
      <PageHeader title="Settings" description="Your account, access for scripts, connected accounts, and how Atom looks." />
      <Tabs
        value={current.key}
        onChange={(value) => {
          if (value) void navigate(`/settings/${value}`);
        }}
        keepMounted={false}
        classNames={{ list: classes.tabList, tab: classes.tab, tabSection: classes.tabSection }}
      >
        <Tabs.List aria-label="Settings sections">
          {visible.map((s) => {
            const TabIcon = s.icon;
            return (
              <Tabs.Tab key={s.key} value={s.key} leftSection={<TabIcon size={16} stroke={1.75} />}>
                {s.label}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {visible.map((s) => (
          <Tabs.Panel key={s.key} value={s.key} pt="xl">
            {s.render()}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
