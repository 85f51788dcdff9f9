import type { CompareRow } from '@/lib/compare/rows';
import { ESTIMATE_CAPTION } from '@/lib/format/money';

/** After a row's label: "Differs" (text, not colour alone), "Not known for all", and the estimate caveat on prices. */
export function CompareRowMarks({ row }: { row: CompareRow }) {
  return (
    <>
      {row.differs && <span class="differs"> Differs</span>}
      {row.partlyUnknown && <span class="tag tag--muted cmp-partly"> Not known for all</span>}
      {row.estimate && <span class="cmp-estimate">{ESTIMATE_CAPTION}</span>}
    </>
  );
}
