import { type Context, Hono } from 'hono';
import type { Source } from '../../model/index.ts';
import { addSources } from '../../sources/index.ts';
import type { AdminDeps, AdminEnv, AdminForm } from '../admin-guard.ts';
import { parseId } from '../cursor.ts';
import { AdminErrorPage } from '../views/admin-frame.tsx';
import { AddSourcePage, AdminSourcesPage, RemoveSourcePage, type SourceFormValues } from '../views/admin-sources.tsx';

/** What a redirect after an action may ask the list to say; only these, never text from the URL. */
const NOTICES: Record<string, (name: string) => string> = {
  added: (name) => `أضيف المصدر «${name}». يُجلب في الجولة القادمة.`,
  existing: (name) => `المصدر «${name}» موجود من قبل بهذا الرابط، فلم يُضف ثانية.`,
  paused: (name) => `أوقف جلب «${name}». لن يُجلب حتى تستأنفه.`,
  resumed: (name) => `استؤنف جلب «${name}».`,
  removed: () => 'حُذف المصدر.',
};

const field = (form: AdminForm, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

/** The list with health, the add form, pause/resume, and remove with a confirmation step. */
export function adminSourceRoutes({ store, log, timeZone }: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const notFound = (c: Context<AdminEnv, any>) =>
    c.html(<AdminErrorPage title="المصدر غير موجود" message="لا مصدر بهذا الرقم؛ ربما حُذف من قبل." csrf={c.get('admin').csrf} />, 404);

  app.get('/admin', async (c) => {
    const failing = c.req.query('failing') === '1';
    const all = await store.listSources();
    const shown = failing ? all.filter((s) => s.consecutive_failures > 0) : all;
    const rows = await Promise.all(shown.map(async (s) => ({ ...s, articles: await store.countArticles(s.id) })));
    const done = c.req.query('done') ?? '';
    const id = parseId(c.req.query('id') ?? '');
    let notice: string | undefined;
    if (Object.hasOwn(NOTICES, done)) {
      const source = id === null ? null : all.find((s) => s.id === id);
      notice = NOTICES[done]!(source?.name ?? '');
    }
    return c.html(<AdminSourcesPage sources={rows} failing={failing} total={all.length} csrf={c.get('admin').csrf} timeZone={timeZone} notice={notice} />);
  });

  app.get('/admin/sources/new', (c) => c.html(<AddSourcePage csrf={c.get('admin').csrf} />));

  app.post('/admin/sources', async (c) => {
    const form = c.get('form');
    const values: SourceFormValues = { url: field(form, 'url'), name: field(form, 'name'), kind: field(form, 'kind') };
    const [outcome] = await addSources(store, [values]);
    if (!outcome || outcome.status === 'invalid') {
      return c.html(<AddSourcePage csrf={c.get('admin').csrf} values={values} error={outcome?.error.ar ?? 'تعذّرت الإضافة.'} />, 400);
    }
    log('info', 'admin_source_added', { source_id: outcome.source.id, created: outcome.status === 'added' });
    return c.redirect(`/admin?done=${outcome.status}&id=${outcome.source.id}`, 303);
  });

  for (const action of ['pause', 'resume'] as const) {
    app.post(`/admin/sources/:id/${action}`, async (c) => {
      const id = parseId(c.req.param('id'));
      if (id === null || !(await store.setSourcePaused(id, action === 'pause'))) return notFound(c);
      log('info', `admin_source_${action}d`, { source_id: id });
      return c.redirect(`/admin?done=${action}d&id=${id}`, 303);
    });
  }

  app.get('/admin/sources/:id/remove', async (c) => {
    const id = parseId(c.req.param('id'));
    const source: Source | null = id === null ? null : await store.getSource(id);
    if (!source) return notFound(c);
    return c.html(<RemoveSourcePage source={source} articles={await store.countArticles(source.id)} csrf={c.get('admin').csrf} />);
  });

  app.post('/admin/sources/:id/remove', async (c) => {
    const id = parseId(c.req.param('id'));
    if (id === null || !(await store.removeSource(id))) return notFound(c);
    log('info', 'admin_source_removed', { source_id: id });
    return c.redirect('/admin?done=removed', 303);
  });

  return app;
}
