import { describe, expect, it } from 'vitest';
import dashboardEnUS from './dashboard/en-US.json';
import dashboardZhCN from './dashboard/zh-CN.json';
import enUS from './en-US.json';
import importsEnUS from './imports/en-US.json';
import importsZhCN from './imports/zh-CN.json';
import noticesEnUS from './notices/en-US.json';
import noticesZhCN from './notices/zh-CN.json';
import workflowEnUS from './workflow/en-US.json';
import workflowZhCN from './workflow/zh-CN.json';
import zhCN from './zh-CN.json';

function leaves(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof obj === 'object' && obj !== null) {
    for (const [k, v] of Object.entries(obj)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'object' && v !== null) for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
      else out.set(key, v);
    }
  }
  return out;
}

const placeholders = (s: unknown) => [...String(s).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

// Each pair of files (the app's, and the workflow's, the dashboard's and the imports' merged beside it) is checked on its own.
describe.each([
  { name: 'app', zhFile: zhCN, enFile: enUS },
  { name: 'workflow', zhFile: workflowZhCN, enFile: workflowEnUS },
  { name: 'dashboard', zhFile: dashboardZhCN, enFile: dashboardEnUS },
  { name: 'imports', zhFile: importsZhCN, enFile: importsEnUS },
  { name: 'notices', zhFile: noticesZhCN, enFile: noticesEnUS },
])('$name locale files', ({ zhFile, enFile }) => {
  const zh = leaves(zhFile);
  const en = leaves(enFile);

  it('have the same keys', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...zh, ...en]) {
      expect(typeof value, key).toBe('string');
      expect(String(value).trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of zh) expect(placeholders(en.get(key)), key).toEqual(placeholders(value));
  });
});

describe('the workflow locale files', () => {
  it('add only their own top-level key, so merging them hides none of the app\'s keys', () => {
    expect(Object.keys(workflowZhCN)).toEqual(['workflow']);
    expect(Object.keys(workflowEnUS)).toEqual(['workflow']);
    expect(Object.keys(zhCN)).not.toContain('workflow');
    expect(Object.keys(enUS)).not.toContain('workflow');
  });
});

describe('the dashboard locale files', () => {
  it("add only their own top-level key, so merging them hides none of the others' keys", () => {
    expect(Object.keys(dashboardZhCN)).toEqual(['dashboard']);
    expect(Object.keys(dashboardEnUS)).toEqual(['dashboard']);
    for (const other of [zhCN, enUS, workflowZhCN, workflowEnUS]) expect(Object.keys(other)).not.toContain('dashboard');
  });
});

describe('the imports locale files', () => {
  it("add only their own top-level key, so merging them hides none of the others' keys", () => {
    expect(Object.keys(importsZhCN)).toEqual(['imports']);
    expect(Object.keys(importsEnUS)).toEqual(['imports']);
    for (const other of [zhCN, enUS, workflowZhCN, workflowEnUS, dashboardZhCN, dashboardEnUS]) expect(Object.keys(other)).not.toContain('imports');
  });
});

describe('the notices locale files', () => {
  it("add only their own top-level key, so merging them hides none of the others' keys", () => {
    expect(Object.keys(noticesZhCN)).toEqual(['notices']);
    expect(Object.keys(noticesEnUS)).toEqual(['notices']);
    for (const other of [zhCN, enUS, workflowZhCN, workflowEnUS, dashboardZhCN, dashboardEnUS, importsZhCN, importsEnUS]) expect(Object.keys(other)).not.toContain('notices');
  });
});
