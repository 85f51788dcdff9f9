import { describe, expect, it } from 'vitest';
import { compareToMarkdown, compareToTable } from '../../../lib/export/comparison';
import { closedProvider, makeProvider } from '../../fixtures/providers';

// Made-up providers: never real facts.
const a = makeProvider({ name: 'Example | Pipe *Clinic*' });
const c = closedProvider();

describe('compareToMarkdown', () => {
  it('prints a table with a column per provider, closed labelled, differing rows and estimates marked', () => {
    const md = compareToMarkdown([a, c]);
    expect(md).toMatch(/^## Comparison\n/);
    expect(md).toContain('Costs are estimates — confirm with the clinic.');
    const lines = md.split('\n');
    const header = lines.find((l) => l.includes('Pipe'))!;
    expect(header).toContain('Example \\| Pipe \\*Clinic\\*');
    expect(header).toContain('Example Closed Chain (Closed since 10 Mar 2023)');
    expect(lines.find((l) => l.startsWith('| Status'))).toContain('— differs');
    expect(lines.find((l) => l.startsWith('| Price per session'))).toMatch(
      // An unknown is not a difference.
      /^\| Price per session \(estimate — confirm with the clinic\) \| \$450–\$550 \(IV infusion, 1 hour\) \| Unknown \(none published\) \|$/,
    );
    expect(lines.find((l) => l.startsWith('| Type'))).toContain('differs');
    expect(lines.find((l) => l.startsWith('| Forms of ketamine'))).not.toContain('differs');
  });

  it('lists the notes with their sources as links', () => {
    const md = compareToMarkdown([a, c]);
    expect(md).toContain('### Notes');
    expect(md).toContain('- Example Closed Chain closed on 10 Mar 2023. — Sources: [news.example.com](https://news.example.com/closure)');
    expect(md).toContain('- Consider (Example \\| Pipe \\*Clinic\\*): Does not bill insurance; gives a superbill.');
  });

  it('has the shape the shortlist export takes', () => {
    const t = compareToTable([a, c]);
    expect(t.columns).toHaveLength(2);
    expect(t.rows.every((r) => r.cells.length === 2)).toBe(true);
  });

  it('says when there is nothing to compare', () => {
    expect(compareToMarkdown([])).toContain('_No providers to compare._');
  });
});
