import { ActionIcon, Burger, Group, Kbd } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { AtomMark } from '../../ui/AtomMark';
import { isApple, modKeyLabel } from '../../ui/platform';
import { ThemeToggle } from './ThemeToggle';
import { UserMenu } from './UserMenu';
import classes from './shell.module.css';

interface Props {
  drawerOpened: boolean;
  onToggleDrawer: () => void;
}

export function Header({ drawerOpened, onToggleDrawer }: Props) {
  return (
    <div className={classes.headerInner}>
      <div className={classes.headerStart}>
        <Burger
          opened={drawerOpened}
          onClick={onToggleDrawer}
          hiddenFrom="sm"
          size="sm"
          aria-label={drawerOpened ? 'Close navigation' : 'Open navigation'}
        />
        <Link to="/" className={classes.brand} aria-label="Atom home">
          <AtomMark size={26} />
          <span>Atom</span>
        </Link>
      </div>

      <button
        type="button"
        className={classes.searchButton}
        onClick={() => spotlight.open()}
        aria-keyshortcuts={isApple ? 'Meta+K' : 'Control+K'}
      >
        <IconSearch size={16} stroke={1.75} aria-hidden />
        <span className={classes.searchLabel}>Search or jump to…</span>
        <Kbd size="xs">{modKeyLabel} K</Kbd>
      </button>

      <Group gap={6} wrap="nowrap" className={classes.headerActions}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          className={classes.searchIconButton}
          onClick={() => spotlight.open()}
          aria-label="Search and commands"
        >
          <IconSearch size={18} stroke={1.75} />
        </ActionIcon>
        <ThemeToggle />
        <UserMenu />
      </Group>
    </div>
  );
}
