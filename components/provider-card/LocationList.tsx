import type { Provider } from '@/lib/dataset/schema';
import { Unknown } from '@/components/common/Unknown';
import { STATE_NAME } from '@/lib/browse/states';
import { Glossed } from './Glossed';

/** Where the provider is: each location (unconfirmed ones marked), and the states a telehealth programme serves. */
export function LocationList({ provider }: { provider: Provider }) {
  const { locations, statesServed } = provider;
  return (
    <div>
      {locations.length > 0 && (
        <ul class="plain-list locations">
          {locations.map((l, i) => {
            // A label often names the place and its state already ("Albuquerque, NM (inferred …)"): the state is added only when missing.
            const named = l.label ?? (l.city ? `${l.city}, ${l.state}` : STATE_NAME[l.state]);
            const hasState = new RegExp(`\\b${l.state}\\b`).test(named) || named.includes(STATE_NAME[l.state]);
            return (
              <li key={i}>
                <Glossed
                  text={
                    hasState
                      ? named
                      : l.city && named.startsWith(l.city)
                        ? `${l.city}, ${l.state}${named.slice(l.city.length)}`
                        : `${named}, ${l.state}`
                  }
                />
                {!l.confirmed && <span class="tag tag--warn">location not confirmed</span>}
              </li>
            );
          })}
        </ul>
      )}
      {statesServed && (
        <p>
          States served: {statesServed.value ? statesServed.value.join(', ') : <Unknown>not published</Unknown>}
          {statesServed.note && (
            <span class="fact__note">
              <Glossed text={statesServed.note} />
            </span>
          )}
        </p>
      )}
      {locations.length === 0 && !statesServed && <Unknown>No location found in the sources</Unknown>}
    </div>
  );
}
