import { useEffect, useEffectEvent, useState } from 'react';
import { code128, type BarcodeDrawing } from './barcode';

interface BarcodeProps {
  readonly text: string;
  readonly label: string;
  /** Told once the bars are drawn (or `text` turned out to have none). */
  readonly onDrawn?: (text: string) => void;
}

/** A Code 128 barcode of `text`, with `text` written under it; named `label` for a screen reader. */
export function Barcode({ text, label, onDrawn }: BarcodeProps) {
  const [drawn, setDrawn] = useState<{ text: string; drawing: BarcodeDrawing | null } | null>(null);
  useEffect(() => {
    let current = true;
    void code128(text).then((drawing) => {
      if (current) setDrawn({ text, drawing });
    });
    return () => {
      current = false;
    };
  }, [text]);
  const drawing = drawn?.text === text ? drawn.drawing : null;
  const announce = useEffectEvent((done: string) => onDrawn?.(done));
  useEffect(() => {
    if (drawn) announce(drawn.text);
  }, [drawn]);
  return (
    <figure className="barcode">
      {drawing ? (
        <svg
          className="barcode__bars"
          role="img"
          aria-label={label}
          viewBox={drawing.viewBox}
          preserveAspectRatio="none"
          xmlns="http://www.w3.org/2000/svg"
        >
          {drawing.bars.map((bar) => (
            <path key={bar.d} d={bar.d} stroke="#000" strokeWidth={bar.width} fill="none" />
          ))}
        </svg>
      ) : null}
      <figcaption className="barcode__text">{text}</figcaption>
    </figure>
  );
}
