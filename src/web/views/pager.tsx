/** Links between the pages of a list: newer on the right (where RTL reading starts), older on the left. */
export function Pager({ page, prev, next, first, newer = 'الأحدث', older = 'الأقدم' }: {
  page: number | null;
  prev: string | null;
  next: string | null;
  first?: string | null;
  /** Labels: "أخبار أحدث" / "أخبار أقدم", "نتائج سابقة" / "نتائج أخرى"… */
  newer?: string;
  older?: string;
}) {
  if (!prev && !next && !first) return null;
  return (
    <nav class="pager" aria-label="التنقل بين الصفحات">
      {prev ? <a href={prev} rel="prev">→ {newer}</a> : first ? <a href={first}>→ الصفحة الأولى</a> : <span />}
      {page !== null && page > 1 ? <span class="page-no">الصفحة {page}</span> : <span />}
      {next ? <a href={next} rel="next">{older} ←</a> : <span />}
    </nav>
  );
}
