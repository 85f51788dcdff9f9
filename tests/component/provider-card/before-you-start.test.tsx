import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { BeforeYouStart } from '@/components/provider-card/BeforeYouStart';
import type { General } from '@/lib/dataset/general-schema';
import { makeGeneral } from '@/tests/unit/cost/fixtures';

const today = new Date('2026-11-27T12:00:00Z');
const s = (path: string) => ({ url: `https://example.org/${path}`, date: '2025-06-01' });

function general(): General {
  return {
    ...makeGeneral(),
    sideEffects: [{ text: 'Feeling detached during the session is common (test fact).', sources: [s('side-effects')] }],
    contraindications: [{ text: 'Uncontrolled high blood pressure may rule treatment out (test fact).', sources: [s('screening')] }],
    responseRates: [{ text: 'In a test trial, about half of patients responded (test fact).', sources: [s('trial'), s('trial-2')] }],
  };
}

describe('BeforeYouStart', () => {
  it('is a collapsible section with sourced side effects, screening reasons and study results', () => {
    const { container } = render(<BeforeYouStart general={general()} today={today} open />);
    const details = container.querySelector('details')!;
    expect(details).toBeTruthy();
    expect(within(details).getByText(/^Before you start/, { selector: 'summary' })).toBeTruthy();
    for (const [heading, fact, sources] of [
      ['Side effects and risks', /Feeling detached/, 1],
      ['When a clinic may say it is not suitable', /Uncontrolled high blood pressure/, 1],
      ['What studies found', /about half of patients responded/, 2],
    ] as const) {
      expect(screen.getByRole('heading', { name: heading })).toBeTruthy();
      const item = screen.getByText(fact).closest('li')!;
      expect(item.querySelectorAll('.sources a')).toHaveLength(sources);
    }
    expect(screen.getByText(/not clinics' own figures/)).toBeTruthy();
    expect(screen.getByText(/not advice about you/)).toBeTruthy();
  });

  it('renders as a section with its own heading for other views, and skips empty groups', () => {
    const g = { ...general(), responseRates: [] };
    render(<BeforeYouStart general={g} today={today} collapsible={false} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Before you start' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Side effects and risks' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'What studies found' })).toBeNull();
  });
});
