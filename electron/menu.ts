// The application menu as a plain template (tested without Electron): File opens a vault, locks or quits; Help
// opens the ICO's guidance in the browser, and only pages on the HELP_LINKS allow-list.
import type { MenuItemConstructorOptions } from 'electron';
import { HELP_LINKS, isAllowedExternal } from './security.js';

export interface MenuActions {
  openVault(): void;
  lock(): void;
  openExternal(url: string): void;
}

export function menuTemplate(actions: MenuActions, options: { platform: NodeJS.Platform; packaged: boolean }): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push({
    label: 'File',
    submenu: [
      { label: 'Open vault…', accelerator: 'CmdOrCtrl+O', click: () => actions.openVault() },
      { label: 'Lock', accelerator: 'CmdOrCtrl+L', click: () => actions.lock() },
      { type: 'separator' },
      { role: 'quit' },
    ],
  });
  // Without the Edit roles, copy and paste do not work in text fields on macOS.
  template.push({ role: 'editMenu' });
  if (!options.packaged) template.push({ label: 'Develop', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  template.push({
    role: 'help',
    submenu: HELP_LINKS.map((link) => ({
      label: link.label,
      click: () => {
        if (isAllowedExternal(link.url)) actions.openExternal(link.url);
      },
    })),
  });
  return template;
}
