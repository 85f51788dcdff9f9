import { fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { Checklist } from '@/components/provider-card/Checklist';
import { questionsFor } from '@/lib/checklist/questions';
import type { Answer } from '@/lib/shortlist/schema';
import { makeProvider } from '@/tests/fixtures/providers';
import { makeGeneral } from '@/tests/unit/cost/fixtures';

const today = new Date('2026-11-27T12:00:00Z');
const general = makeGeneral();
// Two general questions and the fixture provider's own one.
const questions = questionsFor(makeProvider(), general);
const [q1, q2, q3] = questions as [(typeof questions)[0], (typeof questions)[0], (typeof questions)[0]];

function Local({ initial = {} }: { initial?: Record<string, Answer> }) {
  const [answers, setAnswers] = useState<Record<string, Answer>>(initial);
  return (
    <Checklist
      questions={questions}
      answers={answers}
      today={today}
      onAnswer={(id, a) =>
        setAnswers((prev) => {
          const next = { ...prev };
          if (a === null) delete next[id];
          else next[id] = a;
          return next;
        })
      }
    />
  );
}

describe('Checklist', () => {
  it('names each checkbox by its question and each textarea "Answer: <question>"', () => {
    render(<Local />);
    expect(questions).toHaveLength(3);
    for (const q of questions) {
      expect(screen.getByRole('checkbox', { name: q.text })).toBeTruthy();
      expect(screen.getByRole('textbox', { name: `Answer: ${q.text}` })).toBeTruthy();
    }
    expect(screen.getByText('0 of 3 answered')).toBeTruthy();
  });

  it('ticking and typing call onAnswer with the whole answer, and null once it is empty again', () => {
    const onAnswer = vi.fn();
    render(<Checklist questions={questions} answers={{ [q2.id]: { done: false, text: 'Asked by phone' } }} onAnswer={onAnswer} today={today} />);
    fireEvent.click(screen.getByRole('checkbox', { name: q1.text }));
    expect(onAnswer).toHaveBeenLastCalledWith(q1.id, { done: true, text: '' });
    fireEvent.click(screen.getByRole('checkbox', { name: q2.text }));
    expect(onAnswer).toHaveBeenLastCalledWith(q2.id, { done: true, text: 'Asked by phone' });
    fireEvent.input(screen.getByRole('textbox', { name: `Answer: ${q3.text}` }), { target: { value: 'Yes, within 30 days' } });
    expect(onAnswer).toHaveBeenLastCalledWith(q3.id, { done: false, text: 'Yes, within 30 days' });
    fireEvent.input(screen.getByRole('textbox', { name: `Answer: ${q2.text}` }), { target: { value: '' } });
    expect(onAnswer).toHaveBeenLastCalledWith(q2.id, null);
  });

  it('shows progress as questions are ticked or answered', () => {
    render(<Local />);
    fireEvent.click(screen.getByRole('checkbox', { name: q1.text }));
    expect(screen.getByRole('status').textContent).toBe('1 of 3 answered');
    fireEvent.input(screen.getByRole('textbox', { name: `Answer: ${q3.text}` }), { target: { value: 'Only unused sessions' } });
    expect(screen.getByRole('status').textContent).toBe('2 of 3 answered');
    expect((screen.getByRole('checkbox', { name: q1.text }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: q1.text }));
    expect(screen.getByRole('status').textContent).toBe('1 of 3 answered');
  });

  it('offers why each general question matters, with its sources', () => {
    render(<Local />);
    expect(screen.getAllByText('Why ask this')).toHaveLength(2);
    expect(screen.getByText(q1.why!)).toBeTruthy();
    expect(screen.getAllByText('Source:').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText('From our notes on this clinic.')).toBeTruthy();
  });

  it('keeps answers whose question changed, and lets the user remove them', () => {
    render(<Local initial={{ 'example-clinic:q-0000000': { done: true, text: 'They said packages are refundable' }, [q1.id]: { done: true, text: '' } }} />);
    expect(screen.getByText('Earlier answers')).toBeTruthy();
    expect(screen.getByText('They said packages are refundable')).toBeTruthy();
    // Orphans are shown but not counted.
    expect(screen.getByRole('status').textContent).toBe('1 of 3 answered');
    fireEvent.click(screen.getByRole('button', { name: 'Remove earlier answer' }));
    expect(screen.queryByText('They said packages are refundable')).toBeNull();
  });

  it('read-only: answers as text, no inputs', () => {
    render(<Checklist questions={questions} answers={{ [q1.id]: { done: true, text: 'Nine years' } }} onAnswer={() => {}} readOnly today={today} />);
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.getByText('Nine years')).toBeTruthy();
    expect(screen.getByText('Asked')).toBeTruthy();
    expect(screen.getByText('1 of 3 answered')).toBeTruthy();
  });
});
