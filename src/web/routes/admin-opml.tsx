import { Hono } from 'hono';
import { buildOpml, OpmlError } from '../../opml/index.ts';
import { importOpml } from '../../sources/index.ts';
import type { AdminDeps, AdminEnv } from '../admin-guard.ts';
import { ImportResultPage, OpmlPage } from '../views/admin-opml.tsx';

/** A subscription list of a few thousand feeds is well under this; more is not an OPML file. */
export const OPML_MAX_BYTES = 1024 * 1024;

/** Import an uploaded OPML file (per-outline results) and export every source as OPML. */
export function adminOpmlRoutes({ store, log }: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const maxKb = OPML_MAX_BYTES / 1024;

  app.get('/admin/opml', (c) => c.html(<OpmlPage csrf={c.get('admin').csrf} maxKb={maxKb} />));

  app.post('/admin/opml', async (c) => {
    const csrf = c.get('admin').csrf;
    const file = c.get('form').file;
    if (!(file instanceof File) || file.size === 0) {
      return c.html(<OpmlPage csrf={csrf} maxKb={maxKb} error="اختر ملف OPML لاستيراده." />, 400);
    }
    let outcomes;
    try {
      outcomes = await importOpml(store, new TextDecoder('utf-8').decode(await file.arrayBuffer()));
    } catch (err) {
      if (!(err instanceof OpmlError)) throw err;
      return c.html(<OpmlPage csrf={csrf} maxKb={maxKb} error="هذا الملف ليس OPML: لا عنصر <opml> فيه. صدّره من قارئ الخلاصات بصيغة OPML." />, 400);
    }
    log('info', 'admin_opml_imported', {
      feeds: outcomes.length,
      created: outcomes.filter((o) => o.status === 'added').length,
      invalid: outcomes.filter((o) => o.status === 'invalid').length,
    });
    return c.html(<ImportResultPage csrf={csrf} outcomes={outcomes} />);
  });

  app.get('/admin/opml/export', async (c) => {
    const opml = buildOpml(await store.listSources());
    return c.body(opml, 200, {
      'Content-Type': 'text/x-opml; charset=utf-8',
      'Content-Disposition': 'attachment; filename="marsad-sources.opml"',
    });
  });

  return app;
}
