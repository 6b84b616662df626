import { useCallback } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { usePageSearch } from '../app/shell/page-search';
import { TaskDrawer } from './detail/TaskDrawer';
import { tasksPaths } from './paths';
import { TasksNav, TasksPicker } from './TasksNav';
import shell from '../ui/area-shell.module.css';

/** The Tasks area: its own list of views and projects beside the view, and the task drawer. */
export function TasksLayout() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const search = useCallback(() => {
    if (pathname === tasksPaths.search) document.querySelector<HTMLInputElement>('[data-tasks-search]')?.focus();
    else void navigate(tasksPaths.search);
  }, [navigate, pathname]);
  usePageSearch(search);

  return (
    <div className={shell.layout}>
      <aside className={shell.sidebar}>
        <TasksNav />
      </aside>
      <div className={shell.content}>
        <div className={shell.pickerWrap}>
          <TasksPicker />
        </div>
        <Outlet />
      </div>
      <TaskDrawer />
    </div>
  );
}
