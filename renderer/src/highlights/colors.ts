import { HighlightColor } from '../../../shared/model/records';

export const highlightColors: readonly HighlightColor[] = HighlightColor.options;

export const colorLabels: Readonly<Record<HighlightColor, string>> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
  orange: 'Orange',
};
