import type { ComponentChildren } from 'preact';

/** How an unknown value reads everywhere: plainly, never as a guess. */
export function Unknown({ children = 'Unknown' }: { children?: ComponentChildren }) {
  return <span class="unknown">{children}</span>;
}
