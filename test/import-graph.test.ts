// No import cycles in src/, renderer/ or electron/ (docs/architecture.md: the layers form a stack, and inside a layer
// a cycle means two files that cannot be understood, tested or loaded one without the other). The graph is built
// from the source text: every import, `import type`, `export … from` and `import('…')` with a relative specifier.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const ROOTS = ['src', 'renderer', 'electron'];
const SOURCE = /\.(?:ts|tsx|mts|js|mjs)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** NodeNext style: './x.js' names './x.ts' (or '.tsx'); a bare './x' may also be a folder with an index. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [base];
  if (/\.(?:js|mjs)$/.test(base)) {
    const stem = base.replace(/\.m?js$/, '');
    candidates.push(`${stem}.ts`, `${stem}.tsx`, `${stem}.mts`);
  } else {
    candidates.push(...['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext));
  }
  return candidates.find(isFile);
}

interface Graph {
  edges: Map<string, string[]>;
  unresolved: string[];
}

function buildGraph(): Graph {
  const edges = new Map<string, string[]>();
  const unresolved: string[] = [];
  const rel = (path: string) => relative(ROOT, path).split('\\').join('/');
  for (const file of ROOTS.flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
    // preProcessFile reads the import and export declarations (type-only ones too) and import() calls, skipping
    // comments and strings.
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets: string[] = [];
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.')) continue; // packages and node: built-ins are not part of the graph
      const target = resolveSpecifier(file, specifier);
      if (target === undefined) unresolved.push(`${rel(file)} → ${specifier}`);
      else if (SOURCE.test(target)) targets.push(rel(target));
    }
    edges.set(rel(file), [...new Set(targets)]);
  }
  return { edges, unresolved };
}

/** Every cycle a depth-first walk meets (one per back edge), each as a path that ends where it starts. */
function findCycles(edges: Map<string, string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        // The same cycle met from another starting point is reported once: rotate it to start at its least file.
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(rotated.join('\0'), [...rotated, rotated[0]!]);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return [...cycles.values()];
}

describe('import graph of src/, renderer/ and electron/', () => {
  const graph = buildGraph();

  it('sees the whole tree (so that an empty graph cannot pass)', () => {
    expect(graph.edges.size).toBeGreaterThan(100);
    expect(graph.edges.get('renderer/screens/import-screen.tsx')).toContain('renderer/screens/import/findings-panel.tsx');
    expect(graph.edges.get('src/app/app-service.ts')?.length).toBeGreaterThan(0);
  });

  it('resolves every relative import to a file', () => {
    expect(graph.unresolved).toEqual([]);
  });

  it('has no cycles', () => {
    const cycles = findCycles(graph.edges).map((cycle) => cycle.join(' → '));
    for (const cycle of cycles) console.error(`import cycle: ${cycle}`);
    expect(cycles).toEqual([]);
  });

  it('finds a cycle when there is one (the detector itself works)', () => {
    const edges = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(findCycles(edges)).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      ['e.ts', 'e.ts'],
    ]);
  });
});
