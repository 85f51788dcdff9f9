import { LoadError } from '@/components/common/LoadError';
import { PROVIDER_LOAD_MESSAGE, ProviderLoadError } from '@/lib/dataset/loader';

/** A card whose record could not be read from the package: the message, why if known, and a retry. */
export function ProviderLoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const missing = error instanceof ProviderLoadError && error.reason === 'missing';
  return (
    <LoadError title={PROVIDER_LOAD_MESSAGE} onRetry={onRetry}>
      <p>
        {missing
          ? 'This provider may no longer be in Clinic Scout’s list, or the extension’s files are incomplete (reinstalling fixes that).'
          : 'The extension could not read its own copy of this provider’s facts.'}
      </p>
    </LoadError>
  );
}
