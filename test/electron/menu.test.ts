// The application menu: File's commands, and Help links that open only allow-listed pages.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../electron/menu.js';
import { HELP_LINKS } from '../../electron/security.js';

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as unknown as () => void)();

function build(platform: NodeJS.Platform = 'linux', packaged = true) {
  const actions = { openVault: vi.fn(), lock: vi.fn(), openExternal: vi.fn() };
  return { actions, template: menuTemplate(actions, { platform, packaged }) };
}

describe('menuTemplate', () => {
  it('has File: Open vault…, Lock and Quit', () => {
    const { actions, template } = build();
    const file = submenu(template.find((m) => m.label === 'File'));
    expect(file.map((i) => i.label ?? i.role ?? i.type)).toEqual(['Open vault…', 'Lock', 'separator', 'quit']);
    click(file[0]);
    click(file[1]);
    expect(actions.openVault).toHaveBeenCalledOnce();
    expect(actions.lock).toHaveBeenCalledOnce();
  });

  it('opens each Help link, all on the allow-list', () => {
    const { actions, template } = build();
    const help = submenu(template.find((m) => m.role === 'help'));
    expect(help.map((i) => i.label)).toEqual(HELP_LINKS.map((l) => l.label));
    for (const item of help) click(item);
    expect(actions.openExternal.mock.calls).toEqual(HELP_LINKS.map((l) => [l.url]));
  });

  it('has the macOS app menu only on macOS and the developer menu only unpackaged', () => {
    expect(build('darwin').template[0]).toEqual({ role: 'appMenu' });
    expect(build('win32').template.some((m) => m.role === 'appMenu')).toBe(false);
    expect(build('linux', true).template.some((m) => m.label === 'Develop')).toBe(false);
    expect(build('linux', false).template.some((m) => m.label === 'Develop')).toBe(true);
    expect(build().template.some((m) => m.role === 'editMenu')).toBe(true);
  });
});
