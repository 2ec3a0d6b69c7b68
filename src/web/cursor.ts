/** Pagination cursors: "<published ISO>~<id>". A malformed one is the reader's error, not ours. */
export class BadRequest extends Error {}

export function parseCursor(raw: string | undefined): { published_at: string; id: number } | null {
  if (!raw) return null;
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)~(\d{1,15})$/.exec(raw);
  if (!m || Number.isNaN(Date.parse(m[1]!))) throw new BadRequest('رابط الصفحة غير صالح: ارجع إلى الصفحة الأولى.');
  return { published_at: m[1]!, id: Number(m[2]) };
}

export function parseId(raw: string): number | null {
  return /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}
