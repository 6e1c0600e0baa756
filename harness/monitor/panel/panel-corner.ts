/** Corner docking of the panel. Pure. */

export type PanelCorner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

const ORDER: PanelCorner[] = ['bottom-right', 'bottom-left', 'top-left', 'top-right'];

export function nextCorner(corner: PanelCorner | null): PanelCorner {
  const i = ORDER.indexOf(corner ?? 'bottom-right');
  return ORDER[(i + 1) % ORDER.length]!;
}

export function cornerNearest(x: number, y: number, width: number, height: number): PanelCorner {
  const vertical = y < height / 2 ? 'top' : 'bottom';
  const horizontal = x < width / 2 ? 'left' : 'right';
  return `${vertical}-${horizontal}`;
}

export function isCorner(value: unknown): value is PanelCorner {
  return typeof value === 'string' && (ORDER as string[]).includes(value);
}
