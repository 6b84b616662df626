import { Outlet } from 'react-router';
import { FinanceNav, FinancePicker } from './FinanceNav';
import classes from './finance.module.css';

/** The Finance area: its views and accounts beside the page; a picker on small screens. */
export function FinanceLayout() {
  return (
    <div className={classes.layout}>
      <aside className={classes.sidebar}>
        <FinanceNav />
      </aside>
      <div className={classes.content}>
        <div className={classes.pickerWrap}>
          <FinancePicker />
        </div>
        <Outlet />
      </div>
    </div>
  );
}
