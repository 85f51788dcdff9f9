import type { ComponentChildren } from 'preact';
import type { ImportChoice } from '@/lib/export';
import { CHOICE_ORDER, CHOICE_TEXT } from '@/lib/export/import-steps';

/** One conflict: yours and the file's side by side, and the three choices. */
export function ImportConflict({
  conflictKey,
  choice,
  setChoice,
  disabled,
  idBase,
  legend,
  why,
  mine,
  theirs,
}: {
  conflictKey: string;
  choice: ImportChoice | undefined;
  setChoice: (key: string, choice: ImportChoice) => void;
  disabled: boolean;
  idBase: string;
  legend: string;
  why?: string;
  mine: ComponentChildren;
  theirs: ComponentChildren;
}) {
  const name = `${idBase}-${conflictKey}`;
  return (
    <fieldset class="import-conflict">
      <legend class="import-conflict__legend">{legend}</legend>
      {why && <p class="sl-hint">{why}</p>}
      <div class="import-conflict__sides">
        <div class="import-conflict__side">
          <h4>Yours</h4>
          {mine}
        </div>
        <div class="import-conflict__side">
          <h4>In the file</h4>
          {theirs}
        </div>
      </div>
      <div class="import-conflict__choices">
        {CHOICE_ORDER.map((c) => (
          <label key={c} class="import-conflict__choice">
            <input type="radio" name={name} value={c} checked={choice === c} disabled={disabled} onChange={() => setChoice(conflictKey, c)} />
            <span>
              {CHOICE_TEXT[c].label} <span class="import-conflict__hint">({CHOICE_TEXT[c].hint})</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
