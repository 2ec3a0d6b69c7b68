import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MATCH_HILAL, SPA_STORY, SPA_STORY_SABQ } from '../src/stories/fixtures.test-data.ts';

const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;

function marsad(args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { encoding: 'utf8', env: { ...process.env, MARSAD_LOG: 'silent' }, timeout: 60_000 });
  return { code: res.status, stderr: res.stderr, lines: res.stdout.split('\n').filter(Boolean) };
}

const MATCH_OTHER = `انتزع الهلال ثلاث نقاط ثمينة من الشباب بعد فوزه عليه بهدفين مقابل هدف في لقاء الفريقين على استاد الملك فهد الدولي بالرياض، ضمن الجولة الثالثة من دوري عبداللطيف جميل.
سجل ناصر الشمراني الهدف الأول للهلال في الدقيقة 23، وتعادل الشباب في الدقيقة 55، قبل أن يحسم كارلوس إدواردو المباراة بهدف في الدقيقة 81 ليواصل الهلال صدارة الدوري برصيد تسع نقاط.`;
const PREVIEW = `يستعد فريق الهلال لمواجهة الشباب مساء اليوم على استاد الملك فهد الدولي بالرياض ضمن الجولة الثالثة من دوري عبداللطيف جميل، ويسعى الهلال إلى مواصلة الصدارة بعد فوزين متتاليين.
وأكد مدرب الهلال أن فريقه جاهز للمباراة رغم غياب بعض اللاعبين المصابين، فيما يأمل الشباب في العودة بنقطة على الأقل من ملعب الملك فهد.`;

test('import places a dump in stories whatever its order; export fills story_id, duplicate_of and related', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-export-'));
  try {
    const db = join(dir, 'stories.db');
    const file = join(dir, 'dump.jsonl');
    // Newest first: the copy comes before its original in the file.
    const lines = [
      { id: 'm-2', url: 'https://sabq.example/m2', source: 'سبق', title: 'الشمراني وإدواردو يقودان الهلال للفوز على الشباب', body: MATCH_OTHER, published_at: '2015-08-11T21:30:00Z' },
      { id: 'm-1', url: 'https://riyadh.example/m1', source: 'الرياض', title: 'الهلال يتغلب على الشباب بهدفين لهدف ويتصدر الدوري', body: MATCH_HILAL, published_at: '2015-08-11T20:00:00Z' },
      { id: 'c-1', url: 'https://sabq.example/c1', source: 'سبق', title: 'تسجيل 12 إصابة بكورونا في الرياض', body: SPA_STORY_SABQ, published_at: '2015-08-11T08:40:00Z' },
      { id: 'w-1', url: 'https://spa.example/w1', source: 'واس', title: 'الصحة: 12 إصابة جديدة بكورونا في الرياض', body: SPA_STORY, published_at: '2015-08-11T08:00:00Z' },
      { id: 'p-1', url: 'https://okaz.example/p1', source: 'عكاظ', title: 'الهلال يستعد لمواجهة الشباب في الجولة الثالثة', body: PREVIEW, published_at: '2015-08-10T12:00:00Z' },
    ];
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    const imported = marsad(['import', file, '--db', db]);
    assert.equal(imported.code, 0, imported.stderr);
    const report = JSON.parse(imported.lines.at(-1)!);
    assert.equal(report.inserted, 5);
    assert.deepEqual({ placed: report.stories.placed, copies: report.stories.copies, failed: report.stories.failed }, { placed: 4, copies: 1, failed: 0 });

    const exported = marsad(['export', '--db', db]);
    assert.equal(exported.code, 0, exported.stderr);
    const rows = new Map(exported.lines.map((l) => JSON.parse(l)).map((r) => [r.id as string, r]));
    assert.equal(rows.get('c-1').duplicate_of, 'w-1', 'the copy names its original by the id the dump gave');
    assert.equal(rows.get('w-1').duplicate_of, null);
    assert.equal(rows.get('c-1').story_id, rows.get('w-1').story_id);
    assert.equal(rows.get('m-1').story_id, rows.get('m-2').story_id, "two outlets' write-ups of one match");
    assert.notEqual(rows.get('m-1').story_id, rows.get('w-1').story_id);
    for (const row of rows.values()) {
      assert.ok(Array.isArray(row.related));
      for (const id of row.related) {
        assert.ok(rows.has(id), `related ${id} is an exported id`);
        assert.notEqual(rows.get(id).story_id, row.story_id, 'never the article\'s own story');
      }
    }
    assert.ok(rows.get('m-1').related.includes('p-1'), 'the preview is read-also for the match');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
