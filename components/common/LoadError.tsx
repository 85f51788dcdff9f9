import type { ComponentChildren } from 'preact';

interface Props {
  /** e.g. "Couldn't load this provider's facts." (lib/dataset/loader.ts) */
  title: string;
  onRetry: () => void;
  children?: ComponentChildren;
}

/** A load from the extension's own files failed: say so, and offer to try again. Never a blank panel. */
export function LoadError({ title, onRetry, children }: Props) {
  return (
    <div class="message load-error" role="alert">
      <h2>{title}</h2>
      {children}
      <button type="button" class="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
