import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Fonts and the stylesheet, served by us (no third-party font host sees our readers). Read once at
 * start; they are immutable, so browsers may keep them for a year.
 */
const require = createRequire(import.meta.url);
const FONT_FILES: Record<string, string> = {
  'naskh-400.woff2': '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2',
  'naskh-700.woff2': '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2',
  'plex-400.woff2': '@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-arabic-400-normal.woff2',
  'plex-600.woff2': '@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-arabic-600-normal.woff2',
  // Latin letters and digits in the same faces, so "2027" or "BBC" inside Arabic matches its line.
  'naskh-latin-400.woff2': '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-latin-400-normal.woff2',
  'naskh-latin-700.woff2': '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-latin-700-normal.woff2',
  'plex-latin-400.woff2': '@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-latin-400-normal.woff2',
  'plex-latin-600.woff2': '@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-latin-600-normal.woff2',
};

export function staticRoutes(): Hono {
  const fonts = new Map(Object.entries(FONT_FILES).map(([name, spec]) => [name, readFileSync(require.resolve(spec))]));
  const css = readFileSync(fileURLToPath(new URL('../static/site.css', import.meta.url)));
  const icon = readFileSync(fileURLToPath(new URL('../static/icon.svg', import.meta.url)));
  const app = new Hono();
  app.get('/static/site.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  // Linked from every page, so browsers do not ask for /favicon.ico (a 404 in every console).
  app.get('/static/icon.svg', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(icon, 200, { 'Content-Type': 'image/svg+xml' });
  });
  app.get('/static/fonts/:name', (c) => {
    const font = fonts.get(c.req.param('name'));
    if (!font) return c.notFound();
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(font, 200, { 'Content-Type': 'font/woff2' });
  });
  return app;
}
