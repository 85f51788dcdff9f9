import type { ComponentChildren } from 'preact';

interface Props {
  title: string;
  id?: string;
  children: ComponentChildren;
}

export function Section({ title, id, children }: Props) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section class="section" aria-labelledby={headingId}>
      <h3 class="section__title" id={headingId}>
        {title}
      </h3>
      {children}
    </section>
  );
}
