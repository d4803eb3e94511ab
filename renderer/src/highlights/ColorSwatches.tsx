import type { HighlightColor } from '../../../shared/model/records';
import { highlightColors } from './colors';

interface ColorSwatchesProps {
  /** Names the group for assistive technology, e.g. "Highlight colour". */
  label: string;
  current?: HighlightColor;
  disabled?: boolean;
  /** Shown after the colour's name in each button's accessible name, e.g. "Highlight yellow (key 1)". */
  describe(color: HighlightColor, index: number): string;
  onPick(color: HighlightColor): void;
}

/** One button per colour. Pressing one keeps the text selection: the mouse-down is not allowed to move focus. */
export function ColorSwatches({ label, current, disabled, describe, onPick }: ColorSwatchesProps) {
  return (
    <div className="color-swatches" role="group" aria-label={label}>
      {highlightColors.map((color, index) => (
        <button
          key={color}
          type="button"
          className={`swatch swatch-${color}`}
          aria-pressed={current === undefined ? undefined : current === color}
          aria-label={describe(color, index)}
          title={describe(color, index)}
          disabled={disabled}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(color)}
        >
          <span aria-hidden="true" />
        </button>
      ))}
    </div>
  );
}

