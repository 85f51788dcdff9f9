import { conflictsNeedingChoice, type ImportChoice } from '@/lib/export';
import { itemLabel, plural, when, type PreviewStep } from '@/lib/export/import-steps';
import { ImportConflict } from './ImportConflict';
import { ImportItemFacts } from './ImportItemFacts';
import { ImportListFacts } from './ImportListFacts';

/** What an import will change, and each conflict with its choice. */
export function ImportPreview({
  step,
  choices,
  setChoice,
  idBase,
}: {
  step: PreviewStep;
  choices: Record<string, ImportChoice>;
  setChoice: (key: string, choice: ImportChoice) => void;
  idBase: string;
}) {
  const { plan, data, existing } = step;
  const theirLists = new Map(data.shortlists.map((s) => [s.id, s]));
  const myLists = new Map(existing.shortlists.map((s) => [s.id, s]));
  const listName = (theirListId: string) => {
    const target = plan.listTarget.get(theirListId);
    return (target !== undefined ? myLists.get(target) : undefined)?.name ?? theirLists.get(theirListId)?.name ?? 'a list';
  };
  const needed = new Set(conflictsNeedingChoice(plan, choices));
  const itemConflicts = plan.items.conflicts.filter((c) => needed.has(c.key));
  const copiedAway = plan.items.conflicts.length - itemConflicts.length;
  const conflicts = plan.lists.conflicts.length + itemConflicts.length;
  const exported = new Date(data.exportedAt);
  const disabled = step.kind === 'writing';

  return (
    <>
      <p>
        <strong>{step.fileName}</strong>
        {Number.isNaN(exported.getTime()) ? '' : `, exported ${when(exported.getTime())}`}. Nothing is saved until you confirm.
      </p>
      {step.replanned && (
        <p class="notice notice--warn" role="alert">
          Your shortlists changed in another window since this preview, so nothing was imported yet. Check the
          updated preview below, then confirm again.
        </p>
      )}
      <h3 class="import-dialog__subtitle">What will change</h3>
      <ul class="import-dialog__summary">
        {plan.lists.add.length > 0 && (
          <li>
            New {plan.lists.add.length === 1 ? 'list' : 'lists'}: {plan.lists.add.map((l) => `“${l.name}”${l.deletedAt !== null ? ' (in the trash)' : ''}`).join(', ')}
          </li>
        )}
        {plan.lists.mergeByName.map(({ theirs, mine }) => (
          <li key={theirs.id}>
            The list “{theirs.name}” in the file goes into your list “{mine.name}”.
          </li>
        ))}
        <li>
          {plan.items.add.length === 0 ? 'No new clinics.' : `${plural(plan.items.add.length, 'clinic', 'clinics')} to add:`}
          {plan.items.add.length > 0 && (
            <ul>
              {plan.items.add.slice(0, 50).map((i) => (
                <li key={i.id}>
                  {itemLabel(i)} <span class="sl-hint">— {listName(i.shortlistId)}</span>
                </li>
              ))}
              {plan.items.add.length > 50 && <li>…and {plan.items.add.length - 50} more</li>}
            </ul>
          )}
        </li>
        {plan.lists.unchanged.length + plan.items.unchanged.length > 0 && (
          <li>
            Already in your shortlists and unchanged:{' '}
            {[
              plan.lists.unchanged.length ? plural(plan.lists.unchanged.length, 'list', 'lists') : '',
              plan.items.unchanged.length ? plural(plan.items.unchanged.length, 'clinic', 'clinics') : '',
            ]
              .filter(Boolean)
              .join(' and ')}
            .
          </li>
        )}
        {conflicts > 0 && <li>{plural(conflicts, 'difference', 'differences')} for you to decide (below).</li>}
      </ul>

      {conflicts + copiedAway > 0 && (
        <>
          <h3 class="import-dialog__subtitle">Differences to decide</h3>
          <p class="sl-hint">These are both in your shortlists and in the file, but not the same. Choose what to keep for each.</p>
          {plan.lists.conflicts.map((c) => (
            <ImportConflict key={c.key} conflictKey={c.key} choice={choices[c.key]} setChoice={setChoice} disabled={disabled} idBase={idBase}
              legend={`The list “${c.mine.name}”`}
              mine={<ImportListFacts list={c.mine} />}
              theirs={<ImportListFacts list={c.theirs} />}
            />
          ))}
          {itemConflicts.map((c) => (
            <ImportConflict key={c.key} conflictKey={c.key} choice={choices[c.key]} setChoice={setChoice} disabled={disabled} idBase={idBase}
              legend={`${itemLabel(c.mine)} on “${listName(c.theirListId)}”`}
              why={c.reason === 'same-id' ? 'Changed both here and in the file.' : 'This clinic is on the list both here and in the file.'}
              mine={<ImportItemFacts item={c.mine} />}
              theirs={<ImportItemFacts item={c.theirs} />}
            />
          ))}
          {copiedAway > 0 && (
            <p class="sl-hint">
              {plural(copiedAway, 'other difference needs', 'other differences need')} no choice: {copiedAway === 1 ? 'it is' : 'they are'} on a list you
              chose to keep both of, so the file's version goes into the copy.
            </p>
          )}
        </>
      )}
    </>
  );
}
