/**
 * "Questions to ask the clinic", with a tick and a short answer for each.
 *
 * Contract (controlled component — answers live with the caller):
 *
 *   Checklist({ questions, answers, onAnswer, readOnly?, today? })
 *
 *   questions  ChecklistQuestion[]       from questionsFor(provider, general) (lib/checklist/questions.ts).
 *   answers    Record<string, Answer>    saved answers by question id (a shortlist item's `answers`).
 *   onAnswer   (id, a: Answer | null) => void
 *                                        called on every tick and every keystroke with the question's whole
 *                                        new Answer `{ done, text }`; null when it became empty (not ticked,
 *                                        no text) or the user removed an orphaned answer — delete the key.
 *                                        Text is passed as typed (not trimmed), at most 10,000 characters.
 *                                        Callers that persist may debounce: while a textarea has focus it
 *                                        shows its own draft, so a slow or batched save never moves the caret.
 *   readOnly   boolean                   show ticks and answers as text, with no inputs.
 *   today      Date                      for the sources' "over 12 months old" marks (default: now).
 *
 * Answers whose question is no longer in the list (reworded or removed) are shown under "Earlier answers",
 * never dropped silently; the user can remove them.
 */
import { useId, useState } from 'preact/hooks';
import { isAnswered, orphanedAnswers, progress, type ChecklistQuestion } from '@/lib/checklist/questions';
import { ANSWER_MAX } from '@/lib/shortlist/limits';
import type { Answer } from '@/lib/shortlist/schema';
import { SourceRefs } from '@/components/common/SourceRefs';
import { glossarySegments } from '@/lib/format/glossary';
import { Glossed } from './Glossed';

export interface ChecklistProps {
  questions: ChecklistQuestion[];
  answers: Record<string, Answer>;
  onAnswer: (id: string, a: Answer | null) => void;
  readOnly?: boolean;
  today?: Date;
}

const EMPTY: Answer = { done: false, text: '' };

/** The answer to report: null once it holds nothing (so callers can delete the key). */
function normalised(a: Answer): Answer | null {
  return !a.done && a.text === '' ? null : a;
}

interface ItemProps {
  q: ChecklistQuestion;
  answer: Answer | undefined;
  onAnswer: ChecklistProps['onAnswer'];
  readOnly: boolean;
  today: Date;
}

function QuestionItem({ q, answer, onAnswer, readOnly, today }: ItemProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const current = answer ?? EMPTY;
  const text = draft ?? current.text;
  // Jargon in the question (inside a <label>, where a button cannot go) is explained just below it.
  const terms = glossarySegments(q.text).flatMap((s) => (s.term ? [s.text] : []));

  return (
    <li class={`checklist__item${isAnswered(answer) ? ' checklist__item--answered' : ''}`}>
      {readOnly ? (
        <>
          <p class="checklist__question">
            <span class={`tag tag--${current.done ? 'ok' : 'muted'}`}>{current.done ? 'Asked' : 'Not yet'}</span> {q.text}
          </p>
          {current.text.trim() !== '' && <p class="checklist__answer-text">{current.text}</p>}
        </>
      ) : (
        <>
          <div class="checklist__tick">
            <input
              id={`${id}-done`}
              type="checkbox"
              checked={current.done}
              onChange={(e) => onAnswer(q.id, normalised({ done: e.currentTarget.checked, text }))}
            />
            <label for={`${id}-done`} class="checklist__question">
              {q.text}
            </label>
          </div>
          {terms.length > 0 && (
            <p class="checklist__terms">
              <Glossed text={`Explain: ${terms.join(', ')}`} />
            </p>
          )}
          <label for={`${id}-text`} class="checklist__answer-label">
            Answer
          </label>
          <textarea
            id={`${id}-text`}
            class="checklist__answer"
            aria-label={`Answer: ${q.text}`}
            rows={2}
            maxLength={ANSWER_MAX}
            value={text}
            onInput={(e) => {
              const next = e.currentTarget.value;
              setDraft(next);
              onAnswer(q.id, normalised({ done: current.done, text: next }));
            }}
            onBlur={() => setDraft(null)}
          />
        </>
      )}
      {q.why ? (
        <details class="checklist__why">
          <summary>Why ask this</summary>
          <p>
            <Glossed text={q.why} />
          </p>
          <SourceRefs sources={q.sources} today={today} />
        </details>
      ) : (
        q.origin === 'provider' && <p class="checklist__origin">From our notes on this clinic.</p>
      )}
    </li>
  );
}

export function Checklist({ questions, answers, onAnswer, readOnly = false, today = new Date() }: ChecklistProps) {
  const { answered, total } = progress(answers, questions);
  const orphans = orphanedAnswers(answers, questions);
  return (
    <div class="checklist">
      <p class="checklist__progress" role="status" aria-live="polite" aria-atomic="true">
        {answered} of {total} answered
      </p>
      <progress class="checklist__bar" max={total} value={answered} aria-hidden="true" />
      {!readOnly && <p class="checklist__intro">Tick a question once you have asked it, and note what the clinic said.</p>}
      <ol class="checklist__list">
        {questions.map((q) => (
          <QuestionItem key={q.id} q={q} answer={answers[q.id]} onAnswer={onAnswer} readOnly={readOnly} today={today} />
        ))}
      </ol>
      {orphans.length > 0 && (
        <div class="checklist__orphans">
          <p class="checklist__subhead">
            <strong>Earlier answers</strong>
          </p>
          <p class="checklist__intro">
            These answer questions that have since been reworded or removed. They are kept so nothing you wrote is lost.
          </p>
          <ul class="plain-list">
            {orphans.map((id, i) => {
              const a = answers[id] as Answer;
              return (
                <li key={id} class="checklist__orphan">
                  {a.text.trim() !== '' ? <p class="checklist__answer-text">{a.text}</p> : <p>Marked as asked, with no answer written.</p>}
                  {!readOnly && (
                    <button type="button" class="link" onClick={() => onAnswer(id, null)}>
                      {orphans.length > 1 ? `Remove earlier answer ${i + 1}` : 'Remove earlier answer'}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
