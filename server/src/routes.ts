import { accountRoutes } from './accounts/routes.js';
import { caldavRoutes } from './calendar/caldav/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { financeImportRoutes } from './finance/import/routes.js';
import { financeRoutes } from './finance/routes.js';
import { financePlanningRoutes } from './finance/planning-routes.js';
import { healthRoutes } from './health/routes.js';
import type { RouteDef } from './platform/http/route.js';
import { labelRoutes } from './tasks/label-routes.js';
import { projectRoutes } from './tasks/project-routes.js';
import { taskRoutes } from './tasks/task-routes.js';

/** Every API route; the OpenAPI document and the bad-input test both walk this list. */
export const apiRoutes: RouteDef[] = [...healthRoutes, ...accountRoutes, ...projectRoutes, ...taskRoutes, ...labelRoutes, ...calendarRoutes, ...caldavRoutes, ...financeRoutes, ...financeImportRoutes, ...financePlanningRoutes];
