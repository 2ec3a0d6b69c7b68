import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;

test('marsad demo crawls every outlet, polls again for nothing new, and serves the Arabic site', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-demo-'));
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'demo', '--port', '0', '--db', join(dir, 'demo.db')], {
    env: { ...process.env, MARSAD_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no site after 90 s:\n${stdout}\n${stderr}`)), 90_000);
      child.stdout.on('data', (d) => {
        stdout += d;
        const m = /The site is up at (http:\/\/\S+?)\/? /.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`demo exited with ${code}:\n${stdout}\n${stderr}`)));
    });
    assert.match(stdout, /Crawled 7 demo outlets: 85 articles stored \(0 outlets failed\)/);
    assert.match(stdout, /Polled again: 0 new articles, [1-9] outlets? answered 304/);

    const home = await (await fetch(url + '/')).text();
    assert.match(home, /<html lang="ar" dir="rtl">/);
    const firstArticle = /href="(\/article\/\d+)"/.exec(home)?.[1];
    assert.ok(firstArticle, 'the home page links to articles');
    const article = await fetch(url + firstArticle);
    assert.equal(article.status, 200);
    const html = await article.text();
    assert.match(html, /تاريخ النشر/);
    assert.match(html, /هـ<\/time>/, 'the Hijri date is shown');
    assert.match(html, /اقرأ الخبر في موقعه الأصلي/);
    const health = await (await fetch(url + '/healthz')).json();
    assert.equal(health.articles, 85);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
});
