import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orphanedAnswers, progress, providerQuestionId, questionsFor } from '../../../lib/checklist/questions';
import { GENERAL_QUESTIONS, makeGeneral, makeProvider } from '../cost/fixtures';

const general = makeGeneral();

describe('questionsFor', () => {
  it('gives the general questions for a clinic the user added', () => {
    const qs = questionsFor(null, general);
    expect(qs.map((q) => q.id)).toEqual(GENERAL_QUESTIONS.map((q) => q.id));
    expect(qs[0]).toMatchObject({ origin: 'general', topic: 'staff', why: 'Training and monitoring vary.' });
    expect(qs[0]?.sources.length).toBe(1);
  });

  it('appends the provider’s questions with stable, text-based ids', () => {
    const provider = makeProvider({
      id: 'mind-clinic',
      questions: ['Is the therapist present during dosing?', 'Can I pause my membership?'],
    });
    const qs = questionsFor(provider, general);
    const own = qs.filter((q) => q.origin === 'provider');
    expect(own.map((q) => q.text)).toEqual(provider.questions);
    expect(own[0]).toMatchObject({ topic: null, why: null, sources: [] });
    for (const q of own) expect(q.id).toMatch(/^mind-clinic:q-[0-9a-z]{7}$/);

    // Reordering or inserting questions keeps every id on its own question.
    const reordered = questionsFor(
      makeProvider({ id: 'mind-clinic', questions: ['A new question?', ...[...provider.questions].reverse()] }),
      general,
    );
    for (const q of own) expect(reordered.find((x) => x.text === q.text)?.id).toBe(q.id);
  });

  it('ignores case and spacing in the id, and drops repeats of general or own questions', () => {
    expect(providerQuestionId('x', 'Is it  safe?')).toBe(providerQuestionId('x', ' is it safe? '));
    expect(providerQuestionId('x', 'Is it safe?')).not.toBe(providerQuestionId('y', 'Is it safe?'));
    expect(providerQuestionId('x', 'Is it safe?')).not.toBe(providerQuestionId('x', 'Is it safe today?'));
    const provider = makeProvider({
      questions: [GENERAL_QUESTIONS[0]?.text.toUpperCase() ?? '', 'Same?', 'same?  '],
    });
    const own = questionsFor(provider, general).filter((q) => q.origin === 'provider');
    expect(own.map((q) => q.text)).toEqual(['Same?']);
  });

  it('ids are unique', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { maxLength: 20 }), (texts) => {
        const qs = questionsFor(makeProvider({ questions: texts.filter((t) => t.trim() !== '') }), general);
        expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
      }),
    );
  });
});

describe('progress', () => {
  const qs = questionsFor(makeProvider({ questions: ['Own question?'] }), general);
  const ownId = qs[2]?.id ?? '';

  it('counts ticked or written answers to questions in the list', () => {
    expect(progress({}, qs)).toEqual({ answered: 0, total: 3 });
    const answers = {
      'who-administers': { done: true, text: '' },
      'total-cost': { done: false, text: '   ' },
      [ownId]: { done: false, text: 'Yes, a therapist is there.' },
      'removed-question': { done: true, text: 'old' },
    };
    expect(progress(answers, qs)).toEqual({ answered: 2, total: 3 });
    expect(orphanedAnswers(answers, qs)).toEqual(['removed-question']);
  });

  it('answered never exceeds total', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('who-administers', 'total-cost', ownId, 'other'), fc.record({ done: fc.boolean(), text: fc.string() })),
        (answers) => {
          const p = progress(answers, qs);
          expect(p.answered).toBeLessThanOrEqual(p.total);
          expect(p.answered).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
