/**
 * "What should I ask?" — the general questions from general.json plus the provider's own, with stable ids
 * so answers saved in a shortlist item (`answers: Record<questionId, Answer>`) stay attached to their
 * question.
 */
import type { General, Question } from '../dataset/general-schema';
import type { SourcedText } from '../dataset/provenance';
import type { Provider, Source } from '../dataset/schema';

export interface ChecklistQuestion extends SourcedText {
  /** General: the id from general.json. Provider: `${provider.id}:q-${hash}` (see providerQuestionId). */
  id: string;
  origin: 'general' | 'provider';
  /** General questions' topic; null for provider questions (the data gives them none). */
  topic: Question['topic'] | null;
  /** Why it matters; null for provider questions (the data gives none). */
  why: string | null;
  // sources: general questions' sources; empty for provider questions.
}

/** The parts of a saved answer that progress() reads (a shortlist `Answer` fits). */
export interface AnswerLike {
  done: boolean;
  text: string;
}

export interface Progress {
  answered: number;
  total: number;
}

/** Case and spacing do not change a question's id, so a re-spaced or re-capitalised question keeps its answer. */
export function normaliseQuestion(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** 32-bit FNV-1a over UTF-16 code units, as 7 base-36 characters. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/**
 * Id of a provider-specific question: `${providerId}:q-${hash of the normalised text}`.
 *
 * A hash of the text rather than the position: if the curators insert, remove or reorder questions, an
 * answer must never slide onto a different question. Editing a question's wording gives it a new id, so its
 * old answer is orphaned (see orphanedAnswers) rather than shown under a question it did not answer.
 * The colon cannot occur in a general.json id, so the two kinds never collide.
 */
export function providerQuestionId(providerId: string, text: string): string {
  return `${providerId}:q-${fnv1a(normaliseQuestion(text))}`;
}

/**
 * The checklist for a provider: general.json's questions in their order, then the provider's own.
 * A provider question that repeats a general question (same normalised text), or repeats itself, is left out.
 */
export function questionsFor(provider: Provider | null, general: General): ChecklistQuestion[] {
  const out: ChecklistQuestion[] = general.questions.map((q) => ({
    id: q.id,
    origin: 'general',
    topic: q.topic,
    text: q.text,
    why: q.why,
    sources: [...q.sources],
  }));
  if (!provider) return out;
  const seenText = new Set(general.questions.map((q) => normaliseQuestion(q.text)));
  const seenId = new Set(out.map((q) => q.id));
  for (const text of provider.questions) {
    const norm = normaliseQuestion(text);
    const id = providerQuestionId(provider.id, text);
    if (norm === '' || seenText.has(norm) || seenId.has(id)) continue;
    seenText.add(norm);
    seenId.add(id);
    out.push({ id, origin: 'provider', topic: null, text, why: null, sources: [] });
  }
  return out;
}

/** An answer counts when it is ticked done or has non-blank text. */
export function isAnswered(answer: AnswerLike | undefined): boolean {
  return answer !== undefined && (answer.done || answer.text.trim() !== '');
}

/** How many of these questions are answered. Answers to questions not in the list are not counted. */
export function progress(
  answers: Readonly<Record<string, AnswerLike | undefined>>,
  questions: ReadonlyArray<Pick<ChecklistQuestion, 'id'>>,
): Progress {
  const ids = new Set(questions.map((q) => q.id));
  let answered = 0;
  for (const id of ids) if (Object.hasOwn(answers, id) && isAnswered(answers[id])) answered++;
  return { answered, total: ids.size };
}

/** Ids of saved, non-empty answers whose question is no longer in the list (reworded or removed). */
export function orphanedAnswers(
  answers: Readonly<Record<string, AnswerLike | undefined>>,
  questions: ReadonlyArray<Pick<ChecklistQuestion, 'id'>>,
): string[] {
  const ids = new Set(questions.map((q) => q.id));
  return Object.keys(answers).filter((id) => !ids.has(id) && isAnswered(answers[id]));
}
