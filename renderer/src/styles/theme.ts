import type { Theme } from '../../../shared/model/settings';

/** "system" leaves the choice to prefers-color-scheme in the stylesheet. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export const themeOrder: readonly Theme[] = ['system', 'light', 'dark'];

export function nextTheme(theme: Theme): Theme {
  return themeOrder[(themeOrder.indexOf(theme) + 1) % themeOrder.length] ?? 'system';
}

export const themeLabels: Readonly<Record<Theme, string>> = { system: 'System', light: 'Light', dark: 'Dark' };
