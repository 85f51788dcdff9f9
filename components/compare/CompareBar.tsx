import { LIMIT_MESSAGE, MAX_COMPARE, MIN_COMPARE } from '@/lib/compare/selection';

interface Props {
  /** The chosen providers, in the order chosen. */
  chosen: ReadonlyArray<{ id: string; name: string }>;
  onCompare: () => void;
  onClear: () => void;
  /** Latest change, read out politely ("Added …", or why an add was refused). */
  message: string;
}

/**
 * What is chosen for comparison, under the Browse results count. Once something is chosen it sticks under the
 * top bar, so "Compare" stays in view while the user ticks further down the list.
 */
export function CompareBar({ chosen, onCompare, onClear, message }: Props) {
  const n = chosen.length;
  return (
    <div class={`compare-bar ${n > 0 ? 'compare-bar--active' : ''}`}>
      {n === 0 ? (
        <p class="compare-bar__text">
          Tick “Compare” on {MIN_COMPARE} to {MAX_COMPARE} providers to see them side by side.
        </p>
      ) : (
        <>
          <p class="compare-bar__text">
            <strong>
              Comparing {n} of {MAX_COMPARE}:
            </strong>{' '}
            <span class="compare-bar__names">{chosen.map((p) => p.name).join(', ')}</span>
            {n < MIN_COMPARE && ' Choose at least one more.'}
          </p>
          <div class="compare-bar__actions">
            {n >= MIN_COMPARE && (
              <button type="button" class="button button--small" onClick={onCompare}>
                Compare {n} providers
              </button>
            )}
            <button type="button" class="button button--secondary button--small" onClick={onClear}>
              Clear comparison
            </button>
          </div>
        </>
      )}
      {/* While the bar sticks, only a refusal is shown (the tick and the count show the rest); all are read out. */}
      <p class={`compare-bar__message ${n > 0 && message !== LIMIT_MESSAGE ? 'visually-hidden' : ''}`} role="status">
        {message}
      </p>
    </div>
  );
}
