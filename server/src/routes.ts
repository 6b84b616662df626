import { accountRoutes } from './accounts/routes.js';
import { healthRoutes } from './health/routes.js';
import type { RouteDef } from './platform/http/route.js';

/** Every API route; the OpenAPI document and the bad-input test both walk this list. */
export const apiRoutes: RouteDef[] = [...healthRoutes, ...accountRoutes];
