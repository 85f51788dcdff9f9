import type { Provider } from '@/lib/dataset/schema';
import { formatDate } from '@/lib/format/dates';
import { STATUS_LABEL } from '@/lib/format/labels';
import { SourceRefs } from '@/components/common/SourceRefs';

/** A closed or changed provider says so before anything else on the card. */
export function StatusBanner({ provider, today }: { provider: Provider; today: Date }) {
  const { status } = provider;
  const since = status.since ? ` since ${formatDate(status.since)}` : '';
  const tone = status.state === 'closed' ? 'danger' : status.state === 'operating' ? 'ok' : 'warn';
  return (
    <div class={`status status--${tone}`} role={status.state === 'closed' ? 'alert' : undefined}>
      <p class="status__state">
        <strong>{STATUS_LABEL[status.state]}</strong>
        {since}
      </p>
      <p class="status__detail">{status.detail}</p>
      <SourceRefs sources={status.sources} today={today} />
    </div>
  );
}
