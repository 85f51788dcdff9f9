import type { Provider } from '@/lib/dataset/schema';
import { SourceRefs } from '@/components/common/SourceRefs';
import { Unknown } from '@/components/common/Unknown';

export function LocationList({ provider, today }: { provider: Provider; today: Date }) {
  const { locations, statesServed } = provider;
  return (
    <div>
      {locations.length > 0 && (
        <ul class="plain-list">
          {locations.map((l, i) => (
            <li key={i}>
              {l.label ?? l.city ?? 'City not shown'}, {l.state}
              {!l.confirmed && <span class="tag tag--warn"> location not confirmed</span>}
              <SourceRefs sources={l.sources} today={today} />
            </li>
          ))}
        </ul>
      )}
      {statesServed && (
        <p>
          States served:{' '}
          {statesServed.value ? statesServed.value.join(', ') : <Unknown>not published</Unknown>}
          {statesServed.note && <span class="fact__note"> {statesServed.note}</span>}
          {statesServed.value && <SourceRefs sources={statesServed.sources} today={today} />}
        </p>
      )}
      {locations.length === 0 && !statesServed && <Unknown>No location found in the sources</Unknown>}
    </div>
  );
}
