// The project's layering, checked rather than only written down (docs/architecture.md draws it).
// Reads every source file with the TypeScript parser; each failure names the rule and the file (and import).
//
//   entrypoints/   wiring only: may import anything below it
//   components/    the UI, by feature: may import state/ and lib/, not entrypoints/ or data/
//   state/         UI state (stores + thin hooks): may import lib/ and data/, not components/ or entrypoints/
//   lib/           pure logic: imports only lib/ (and packages); relative paths, since Node scripts load it too
//   data/          the bundled dataset: may import lib/ (its types)
// and, for every project file: no import cycle (type-only imports count too: a cycle of types is still two
// files that cannot be understood apart).
//
// Component files: a file under components/ is a .tsx (or .css) file whose runtime exports are exactly one
// component: a PascalCase function (or class) whose body contains JSX, named like the file. Types and
// interfaces may be exported beside it. Anything else (helpers, constants, hooks) belongs in lib/ or state/.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE_DIRS = ['entrypoints', 'components', 'state', 'lib', 'data'];

function walk(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((name) => {
    const rel = posix.join(dir, name);
    if (name === 'providers' && dir === 'data') return []; // JSON records, no imports
    return statSync(join(ROOT, rel)).isDirectory() ? walk(rel) : [rel];
  });
}

const ALL_FILES = SOURCE_DIRS.flatMap(walk);
const CODE_FILES = ALL_FILES.filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts'));

interface ImportRef {
  spec: string;
  /** Project-relative path of the imported file; null for packages and virtual modules. */
  target: string | null;
  line: number;
}

const parsed = new Map<string, ts.SourceFile>();
function sourceOf(file: string): ts.SourceFile {
  let sf = parsed.get(file);
  if (!sf) {
    sf = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    parsed.set(file, sf);
  }
  return sf;
}

function resolveSpec(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/') || spec.startsWith('~/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = posix.normalize(posix.join(posix.dirname(from), spec));
  else return null;
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    const candidate = base + ext;
    const abs = join(ROOT, candidate);
    if (existsSync(abs) && statSync(abs).isFile()) return candidate;
  }
  return base; // unresolved (e.g. a .json or .css path): still report its folder
}

const importCache = new Map<string, ImportRef[]>();
function importsOf(file: string): ImportRef[] {
  const cached = importCache.get(file);
  if (cached) return cached;
  const sf = sourceOf(file);
  const out: ImportRef[] = [];
  const add = (node: ts.Node, spec: string) =>
    out.push({ spec, target: resolveSpec(file, spec), line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      add(node, node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  importCache.set(file, out);
  return out;
}

const layer = (file: string) => file.split('/')[0]!;

/** Every import from a file in `from` into a folder in `forbidden`, as "file:line imports spec". */
function crossings(from: string, forbidden: readonly string[]): string[] {
  return CODE_FILES.filter((f) => layer(f) === from).flatMap((f) =>
    importsOf(f)
      .filter((i) => i.target !== null && forbidden.includes(layer(i.target)))
      .map((i) => `${f}:${i.line} imports '${i.spec}'`),
  );
}

describe('architecture: layers', () => {
  it('lib/ imports no UI, state, entrypoints or data (lib is pure and loads in Node scripts too)', () => {
    expect(crossings('lib', ['components', 'state', 'entrypoints', 'data']), 'Rule broken: lib/ must not import components/, state/, entrypoints/ or data/. Pass what lib needs in as arguments.').toEqual([]);
  });

  it("lib/ uses relative imports, not WXT's @/ alias (scripts/ and wxt.config.ts load lib/ outside Vite)", () => {
    const aliased = CODE_FILES.filter((f) => layer(f) === 'lib').flatMap((f) =>
      importsOf(f)
        .filter((i) => i.spec.startsWith('@/') || i.spec.startsWith('~/'))
        .map((i) => `${f}:${i.line} imports '${i.spec}'`),
    );
    expect(aliased, "Rule broken: lib/ imports its own files by relative path ('../format/money'), never '@/…'.").toEqual([]);
  });

  it('components/ and state/ never import entrypoints/', () => {
    expect([...crossings('components', ['entrypoints']), ...crossings('state', ['entrypoints'])], 'Rule broken: components/ and state/ must not import entrypoints/ (entrypoints only wire things together).').toEqual([]);
  });

  it('components/ reads the dataset through state/dataset.ts, never data/ directly', () => {
    expect(crossings('components', ['data']), 'Rule broken: components/ must not import data/; use useProvider / useProviders / useBrowseIndex / useGeneral from state/dataset.ts.').toEqual([]);
  });

  it('state/ never imports components/', () => {
    expect(crossings('state', ['components']), 'Rule broken: state/ must not import components/ (state is below the UI).').toEqual([]);
  });

  it('entrypoints/sidepanel holds only its wiring: index.html, main.tsx, App.tsx', () => {
    const extra = ALL_FILES.filter((f) => f.startsWith('entrypoints/sidepanel/') && !['index.html', 'main.tsx', 'App.tsx'].includes(f.slice('entrypoints/sidepanel/'.length)));
    expect(extra, 'Rule broken: views go to components/<feature>/, hooks and stores to state/.').toEqual([]);
  });
});

describe('architecture: no import cycles', () => {
  it('no project file reaches itself through its imports', () => {
    const graph = new Map<string, string[]>();
    for (const f of CODE_FILES) graph.set(f, [...new Set(importsOf(f).map((i) => i.target).filter((t): t is string => t !== null && graph.has(t) || (t !== null && CODE_FILES.includes(t))))]);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const next of graph.get(f) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of CODE_FILES) if (!state.has(f)) visit(f);
    expect(cycles, 'Rule broken: import cycle. Move the shared piece into a file both can import.').toEqual([]);
  });
});

describe('architecture: component files', () => {
  const componentFiles = ALL_FILES.filter((f) => layer(f) === 'components');

  it('components/ holds only .tsx components and .css', () => {
    const other = componentFiles.filter((f) => !f.endsWith('.tsx') && !f.endsWith('.css'));
    expect(other, 'Rule broken: non-component code in components/. Pure logic goes to lib/, state and hooks to state/.').toEqual([]);
  });

  const hasJsx = (node: ts.Node): boolean =>
    ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node) || ts.forEachChild(node, hasJsx) === true;

  /** The runtime exports of a file that are not components: "file: name (why)". */
  function problems(file: string): string[] {
    const sf = sourceOf(file);
    const expected = posix.basename(file, '.tsx');
    const found: string[] = [];
    const components: string[] = [];
    const isExported = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    for (const st of sf.statements) {
      if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) continue;
      if (ts.isExportDeclaration(st)) {
        if (!st.isTypeOnly) found.push(`${file}: re-exports (export { … } / export * …): export only the component`);
        continue;
      }
      if (ts.isExportAssignment(st)) {
        found.push(`${file}: default export: use a named export`);
        continue;
      }
      if (!isExported(st)) continue;
      if (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) {
        const name = st.name?.text ?? '(anonymous)';
        if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) found.push(`${file}: exports ${name} (not PascalCase: not a component)`);
        else if (!hasJsx(st)) found.push(`${file}: exports ${name} (renders no JSX: not a component)`);
        else components.push(name);
      } else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) found.push(`${file}: exports ${d.name.getText(sf)} (a value, not a component)`);
      } else if (ts.isEnumDeclaration(st)) {
        found.push(`${file}: exports enum ${st.name.text}`);
      }
    }
    if (components.length > 1) found.push(`${file}: exports ${components.length} components (${components.join(', ')}): one component per file`);
    if (components.length === 1 && components[0] !== expected) found.push(`${file}: exports ${components[0]}, but the file is named ${expected}.tsx`);
    if (components.length === 0 && found.length === 0) found.push(`${file}: exports no component`);
    return found;
  }

  it('every .tsx file in components/ exports exactly one component (PascalCase, renders JSX, named like the file) and otherwise only types', () => {
    const bad = componentFiles.filter((f) => f.endsWith('.tsx')).flatMap(problems);
    expect(bad, 'Rule broken: a components/ file exports something that is not its one component. Move helpers and constants to lib/, hooks to state/.').toEqual([]);
  });

  it('the checks above see the project (guards against a path mistake making them pass vacuously)', () => {
    expect(CODE_FILES.length).toBeGreaterThan(100);
    expect(componentFiles.filter((f) => f.endsWith('.tsx')).length).toBeGreaterThan(40);
    expect(relative(ROOT, join(ROOT, 'lib'))).toBe('lib');
  });
});
