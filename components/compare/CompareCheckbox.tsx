interface Props {
  providerId: string;
  /** Read to screen readers after "Compare", so each checkbox in a list has its own name. */
  name?: string;
  checked: boolean;
  /** Adds or removes; the parent keeps `checked` in step with the selection (a refused add stays unticked). */
  onToggle: (providerId: string) => void;
}

/** "Compare" tick box for one provider. */
export function CompareCheckbox({ providerId, name, checked, onToggle }: Props) {
  return (
    <label class="compare-check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => {
          // The selection decides: undo the browser's own toggle until the new selection renders.
          e.currentTarget.checked = checked;
          onToggle(providerId);
        }}
      />
      <span>
        Compare{name && <span class="visually-hidden"> {name}</span>}
      </span>
    </label>
  );
}
