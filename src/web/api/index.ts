import { Hono } from 'hono';
import { articleApi } from './articles.ts';
import type { ApiDeps } from './deps.ts';
import { apiFailure } from './errors.ts';
import { OPENAPI } from './openapi.ts';
import { sourceApi } from './sources.ts';
import { storyApi } from './stories.ts';
import { tagApi } from './tags.ts';

export type { ApiDeps } from './deps.ts';
export { API_PREFIX, apiFailure, apiNotFound, isApiPath } from './errors.ts';
export { OPENAPI } from './openapi.ts';

/** The document changes only with a release; clients may keep it an hour. */
const OPENAPI_MAX_AGE_S = 3600;

/**
 * The JSON API under /api/v1 (search lives with the search page, in routes/search.tsx). Errors in
 * these routes answer as JSON; createApp sends unknown /api/v1 paths to `apiNotFound`.
 */
export function apiRoutes(deps: ApiDeps): Hono {
  const app = new Hono();
  app.get('/api/v1/openapi.json', (c) => {
    c.header('Cache-Control', `public, max-age=${OPENAPI_MAX_AGE_S}`);
    return c.json(OPENAPI);
  });
  app.route('/', articleApi(deps));
  app.route('/', storyApi(deps));
  app.route('/', tagApi(deps));
  app.route('/', sourceApi(deps));
  app.onError((err, c) => apiFailure(c, err, deps.log));
  return app;
}
