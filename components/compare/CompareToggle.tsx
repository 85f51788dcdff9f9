import { useState } from 'preact/hooks';
import { useCompareSelection } from '@/state/compare-selection';
import { LIMIT_MESSAGE, MAX_COMPARE } from '@/lib/compare/selection';
import { CompareCheckbox } from './CompareCheckbox';

/**
 * Add this provider to (or remove it from) the comparison, from anywhere in the panel; explains when four
 * are already chosen and links to the comparison once there are two.
 */
export function CompareToggle({ providerId, name }: { providerId: string; name?: string }) {
  const selection = useCompareSelection();
  const [last, setLast] = useState<'added' | 'removed' | 'full' | null>(null);
  const checked = selection.has(providerId);
  const count = selection.ids.length;
  const message =
    last === 'full' ? LIMIT_MESSAGE
    : last === 'added' && checked ? `Added to the comparison (${count} of ${MAX_COMPARE}).`
    : last === 'removed' && !checked ? 'Removed from the comparison.'
    : '';
  return (
    <div class="compare-toggle">
      <CompareCheckbox
        providerId={providerId}
        name={name}
        checked={checked}
        onToggle={async (id) => {
          const r = await selection.toggle(id);
          setLast(r === 'already' ? null : r);
        }}
      />
      {checked && count >= 2 && (
        <a class="compare-toggle__link" href={`#/compare/${selection.ids.join(',')}`}>
          Compare {count} providers
        </a>
      )}
      <p class={`compare-toggle__message ${last === 'full' ? 'compare-toggle__message--warn' : ''}`} role="status">
        {message}
      </p>
    </div>
  );
}
