import type { CSSProperties } from 'react';
import { Outlet } from 'react-router';
import { FinanceNav, FinancePicker } from './FinanceNav';
import shell from '../ui/area-shell.module.css';

/** The Finance area: its views and accounts beside the page; a picker on small screens. */
export function FinanceLayout() {
  return (
    <div className={shell.layout} style={{ '--area-sidebar-width': '236px', '--area-nav-item-start': '10px' } as CSSProperties}>
      <aside className={shell.sidebar}>
        <FinanceNav />
      </aside>
      <div className={shell.content}>
        <div className={shell.pickerWrap}>
          <FinancePicker />
        </div>
        <Outlet />
      </div>
    </div>
  );
}
