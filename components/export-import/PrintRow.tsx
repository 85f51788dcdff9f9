import type { ComponentChildren } from 'preact';

/** One term and its value in a printed facts list; nothing at all when the value is empty. */
export function PrintRow({ label, children }: { label: string; children: ComponentChildren }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
