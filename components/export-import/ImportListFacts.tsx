import { when } from '@/lib/export/import-steps';
import type { Shortlist } from '@/lib/shortlist/schema';

/** A list's facts in a conflict. */
export function ImportListFacts({ list }: { list: Shortlist }) {
  return (
    <dl class="import-facts">
      <dt>Name</dt>
      <dd>{list.name}</dd>
      {list.deletedAt !== null && (
        <>
          <dt>In the trash</dt>
          <dd>since {when(list.deletedAt)}</dd>
        </>
      )}
      <dt>Last changed</dt>
      <dd>{when(list.updatedAt)}</dd>
    </dl>
  );
}
