import type { ChecklistQuestion } from '@/lib/checklist/questions';
import { planOptionsLines } from '@/lib/cost/plan-options';
import type { Answer } from '@/lib/shortlist/schema';
import type { ItemPlan } from '@/state/item-plan';
import { ShortlistConflict } from './ShortlistConflict';

function answersText(answers: Record<string, Answer | null>, questions: readonly ChecklistQuestion[]): string {
  return Object.entries(answers)
    .map(([id, a]) => {
      const q = questions.find((x) => x.id === id)?.text ?? 'A question';
      const said = a === null ? 'not answered' : `${a.done ? 'asked ✓' : 'not asked yet'}${a.text.trim() ? ` — ${a.text}` : ''}`;
      return `${q}: ${said}`;
    })
    .join('\n\n');
}

/** The cost plan or checklist answers saved differently in another window: both shown, the user picks. */
export function ShortlistPlanConflict({ plan, questions }: { plan: ItemPlan; questions: readonly ChecklistQuestion[] }) {
  const c = plan.conflict;
  if (!c) return null;
  const plan_ = c.field === 'plan';
  return (
    <ShortlistConflict
      title={plan_ ? 'Your cost plan was also changed in another window.' : 'Your checklist answers were also changed in another window.'}
      mine={plan_ ? planOptionsLines(c.mine).join('\n') : answersText(c.mine, questions)}
      theirs={plan_ ? planOptionsLines(c.theirs).join('\n') : answersText(c.theirs, questions)}
      onKeepMine={plan.keepMine}
      onKeepTheirs={plan.keepTheirs}
    />
  );
}
