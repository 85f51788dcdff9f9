import type { ChecklistQuestion } from '@/lib/checklist/questions';
import type { Answer, PlanOptions } from '@/lib/shortlist/schema';
import type { ItemPlan } from '@/state/item-plan';
import { ShortlistConflict } from './ShortlistConflict';

const orDefault = (n: number | null, unit = '') => (n === null ? 'default' : `${n}${unit}`);

function planText(p: PlanOptions | null): string {
  if (!p) return 'The usual plan (nothing changed)';
  return [
    `First sessions: ${orDefault(p.initialSessions)}`,
    `Maintenance: ${orDefault(p.maintenancePerMonth)} a month for ${orDefault(p.maintenanceMonths)} months`,
    `HSA/FSA tax rate: ${orDefault(p.hsaTaxRate, '%')}`,
    `Spravato covered by insurance: ${p.spravatoInsurance ? 'yes' : 'no'}`,
  ].join('\n');
}

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
      mine={plan_ ? planText(c.mine) : answersText(c.mine, questions)}
      theirs={plan_ ? planText(c.theirs) : answersText(c.theirs, questions)}
      onKeepMine={plan.keepMine}
      onKeepTheirs={plan.keepTheirs}
    />
  );
}
