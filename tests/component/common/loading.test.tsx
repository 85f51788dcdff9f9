// Loading states never flash, and a failed load always offers "Try again".
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { LoadError } from '@/components/common/LoadError';
import { Loading } from '@/components/common/Loading';
import { LOADING_DELAY_MS } from '@/lib/loading';
import { useLoadable } from '@/state/loadable';

function Probe({ id, load, peek }: { id: string; load: (id: string) => Promise<string>; peek: (id: string) => string | undefined }) {
  const s = useLoadable(id, () => load(id), () => peek(id));
  if (s.status === 'loading') return <Loading />;
  if (s.status === 'error') return <LoadError title="Couldn't load." onRetry={s.retry} />;
  return <p>value: {s.value}</p>;
}

describe('Loading', () => {
  it('shows nothing for 150 ms, then a quiet "Loading…"', () => {
    vi.useFakeTimers();
    try {
      render(<Loading />);
      expect(screen.getByRole('status').textContent).toBe('');
      act(() => {
        vi.advanceTimersByTime(LOADING_DELAY_MS - 1);
      });
      expect(screen.getByRole('status').textContent).toBe('');
      act(() => {
        vi.advanceTimersByTime(1);
      });
      expect(screen.getByRole('status').textContent).toBe('Loading…');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('useLoadable', () => {
  it('is ready at once for what is in memory (no loading state)', () => {
    const load = vi.fn(async () => 'x');
    render(<Probe id="a" load={load} peek={() => 'cached'} />);
    expect(screen.getByText('value: cached')).toBeTruthy();
    expect(load).not.toHaveBeenCalled();
  });

  it('loads, and after a failure offers a retry that loads again', async () => {
    let fail = true;
    const load = vi.fn(async (id: string) => {
      if (fail) throw new Error('missing');
      return id.toUpperCase();
    });
    render(<Probe id="a" load={load} peek={() => undefined} />);
    expect(await screen.findByRole('alert')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('value: A')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('follows a new key and ignores a late answer for the old one', async () => {
    const resolvers = new Map<string, (v: string) => void>();
    const load = (id: string) => new Promise<string>((r) => resolvers.set(id, r));
    const { rerender } = render(<Probe id="a" load={load} peek={() => undefined} />);
    rerender(<Probe id="b" load={load} peek={() => undefined} />);
    await act(async () => resolvers.get('b')!('B'));
    await act(async () => resolvers.get('a')!('A'));
    expect(screen.getByText('value: B')).toBeTruthy();
  });
});
