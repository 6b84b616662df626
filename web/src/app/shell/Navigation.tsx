import { NavLink } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { areas, homeLink, settingsLink } from '../areas';
import classes from './shell.module.css';

interface Item {
  path: string;
  label: string;
  icon: Icon;
}

function isActive(pathname: string, path: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

function Entry({ item, pathname, onNavigate }: { item: Item; pathname: string; onNavigate?: () => void }) {
  const active = isActive(pathname, item.path);
  const Icon = item.icon;
  return (
    <NavLink
      component={Link}
      to={item.path}
      label={item.label}
      leftSection={<Icon size={18} stroke={1.75} className={classes.navLinkIcon} />}
      active={active}
      aria-current={active ? 'page' : undefined}
      className={classes.navLink}
      onClick={onNavigate}
    />
  );
}

/** Home and the areas on top, Settings at the bottom; the same list in the sidebar and the drawer. */
export function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  const { pathname } = useLocation();
  return (
    <div className={classes.nav}>
      {[homeLink, ...areas].map((item) => (
        <Entry key={item.path} item={item} pathname={pathname} onNavigate={onNavigate} />
      ))}
      <div className={classes.navSpacer} />
      <Entry item={settingsLink} pathname={pathname} onNavigate={onNavigate} />
    </div>
  );
}
