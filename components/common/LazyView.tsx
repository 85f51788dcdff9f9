import type { ComponentType } from 'preact';
import { LoadError } from './LoadError';
import { Loading } from './Loading';
import { useLoadable } from '@/state/loadable';

interface Props<P> {
  /** Names the view (one load per name for the page's life). */
  name: string;
  /** The view's module, imported on first use (a separate chunk: the panel's start-up code is the card). */
  load: () => Promise<ComponentType<P>>;
  props: P;
}

const loaded = new Map<string, ComponentType<never>>();
const pending = new Map<string, Promise<ComponentType<never>>>();

/** A view whose code loads when it is first shown: nothing for 150 ms, then "Loading…"; a retry if it fails. */
export function LazyView<P extends object>({ name, load, props }: Props<P>) {
  const view = useLoadable<ComponentType<P>>(
    name,
    () => {
      let p = pending.get(name) as Promise<ComponentType<P>> | undefined;
      if (!p) {
        p = load().then((c) => {
          loaded.set(name, c as ComponentType<never>);
          return c;
        });
        p.catch(() => pending.delete(name));
        pending.set(name, p as Promise<ComponentType<never>>);
      }
      return p;
    },
    () => loaded.get(name) as ComponentType<P> | undefined,
  );
  if (view.status === 'loading') return <Loading />;
  if (view.status === 'error') return <LoadError title="Couldn't load this part of Clinic Scout." onRetry={view.retry} />;
  const View = view.value;
  return <View {...props} />;
}
