import type { Provider } from '@/lib/dataset/schema';
import { MAX_COMPARE, MIN_COMPARE } from '@/lib/compare/selection';

interface Props {
  /** The chosen providers, in the order chosen. */
  chosen: readonly Provider[];
  onCompare: () => void;
  onClear: () => void;
  /** Latest change, read out politely ("Added …", or why an add was refused). */
  message: string;
}

/** What is chosen for comparison, under the Browse results count. */
export function CompareBar({ chosen, onCompare, onClear, message }: Props) {
  const n = chosen.length;
  return (
    <div class="compare-bar">
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
            {chosen.map((p) => p.name).join(', ')}
            {n < MIN_COMPARE && '. Choose at least one more.'}
          </p>
          <div class="compare-bar__actions">
            {n >= MIN_COMPARE && (
              <button type="button" class="button" onClick={onCompare}>
                Compare {n} providers
              </button>
            )}
            <button type="button" class="button button--secondary" onClick={onClear}>
              Clear comparison
            </button>
          </div>
        </>
      )}
      <p class="compare-bar__message" role="status">
        {message}
      </p>
    </div>
  );
}
