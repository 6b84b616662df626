import { Avatar, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconKey, IconLogout, IconPalette, IconUser, IconUserPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useUser } from '../auth';
import { initials } from '../../ui/initials';
import { useSignOut } from './use-sign-out';
import classes from './shell.module.css';

export function UserMenu() {
  const user = useUser();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const go = (path: string) => () => void navigate(path);

  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        {/* Named by its content (not aria-label), so what is seen is what is announced. */}
        <UnstyledButton className={classes.userButton}>
          <Avatar size={28} radius="xl" color="indigo" variant="filled" aria-hidden>
            {initials(user.name)}
          </Avatar>
          <span className={classes.userName}>{user.name}</span>
          <VisuallyHidden>Account menu</VisuallyHidden>
          <IconChevronDown size={14} stroke={1.75} aria-hidden className={classes.userName} />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="bright" truncate="end">
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconUser size={16} />} onClick={go('/settings/profile')}>
          Profile
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={go('/settings/tokens')}>
          Access tokens
        </Menu.Item>
        {user.role === 'admin' && (
          <Menu.Item leftSection={<IconUserPlus size={16} />} onClick={go('/settings/invitations')}>
            Invitations
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconPalette size={16} />} onClick={go('/settings/appearance')}>
          Appearance
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={signOut}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
