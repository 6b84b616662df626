import { AppShell, Drawer } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { QuickAddLauncher } from '../../tasks/QuickAddLauncher';
import { AtomMark } from '../../ui/AtomMark';
import { CommandPalette } from './CommandPalette';
import { Header } from './Header';
import { Navigation } from './Navigation';
import { ShortcutsHelp } from './ShortcutsHelp';
import classes from './shell.module.css';

/**
 * The one shell: header on top, navigation on the left, the page in the middle.
 * Under the `sm` breakpoint the navigation moves into a drawer behind the burger.
 */
export function AppLayout() {
  const [drawerOpened, drawer] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: true } }}
      padding={0}
      classNames={{ header: classes.header, navbar: classes.navbar, main: classes.main }}
    >
      <AppShell.Header>
        <Header drawerOpened={drawerOpened} onToggleDrawer={drawer.toggle} />
      </AppShell.Header>

      <AppShell.Navbar component="nav" aria-label="Main">
        <Navigation />
      </AppShell.Navbar>

      <Drawer
        opened={drawerOpened}
        onClose={drawer.close}
        size={280}
        padding={0}
        hiddenFrom="sm"
        title={
          <span className={classes.drawerTitle}>
            <AtomMark size={24} />
            Atom
          </span>
        }
        classNames={{ header: classes.drawerHeader, body: classes.drawerBody }}
        closeButtonProps={{ 'aria-label': 'Close navigation' }}
      >
        <nav aria-label="Main" className={classes.drawerNav}>
          {/* Following a link in the drawer also closes it. */}
          <Navigation onNavigate={drawer.close} />
        </nav>
      </Drawer>

      <AppShell.Main id="main">
        <div className={classes.page}>
          <Outlet />
        </div>
      </AppShell.Main>

      <CommandPalette />
      <ShortcutsHelp />
      <QuickAddLauncher />
    </AppShell>
  );
}
