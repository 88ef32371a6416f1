import type * as Bwip from 'bwip-js/browser';

/** One stroked path of a barcode drawing: a set of bars of one width. */
export interface BarPath {
  readonly d: string;
  readonly width: number;
}

/** A Code 128 barcode as SVG paths, to render in the page. */
export interface BarcodeDrawing {
  readonly viewBox: string;
  readonly bars: readonly BarPath[];
}

type ToSvg = typeof Bwip.toSVG;

// bwip-js is large and only receipts need it: loaded once, on the first barcode drawn
let encoder: Promise<ToSvg> | null = null;
function loadEncoder(): Promise<ToSvg> {
  encoder ??= import('bwip-js/browser').then((bwip) => bwip.toSVG);
  return encoder;
}

/** The bars of an SVG bwip-js drew; null when it drew none. */
function barsOf(svg: string): BarcodeDrawing | null {
  const drawn = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  const viewBox = drawn.getAttribute('viewBox');
  const bars = [...drawn.querySelectorAll('path')].flatMap((path) => {
    const d = path.getAttribute('d');
    const width = Number(path.getAttribute('stroke-width'));
    return d && width > 0 ? [{ d, width }] : [];
  });
  return viewBox && bars.length > 0 ? { viewBox, bars } : null;
}

/**
 * Code 128 of `text`, drawn by bwip-js as SVG and read back into its bars (the text under the
 * bars is left to the page, in its own font). Null for text Code 128 cannot carry.
 */
export async function code128(text: string): Promise<BarcodeDrawing | null> {
  const toSvg = await loadEncoder();
  try {
    return barsOf(toSvg({ bcid: 'code128', text, scale: 1, height: 10, includetext: false }));
  } catch {
    return null;
  }
}
