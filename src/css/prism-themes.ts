import {type PrismTheme, themes} from 'prism-react-renderer';

/**
 * Code colours for light and dark mode. The stock themes have token colours that fail WCAG AA
 * on their own background (GitHub's teal and pink, Dracula's comments), so every token colour
 * is pulled towards black or white, keeping its hue, until it reaches this contrast.
 */
export const MIN_TOKEN_CONTRAST = 4.6;

type Rgb = readonly [number, number, number];

export function parseColor(color: string): Rgb {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!;
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
  }
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(color);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`Unsupported colour format: ${color}`);
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(parseColor(a)), luminance(parseColor(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function readableOn(color: string, background: string): string {
  if (contrastRatio(color, background) >= MIN_TOKEN_CONTRAST) return color;
  const target: Rgb = luminance(parseColor(background)) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  const start = parseColor(color);
  for (let step = 1; step <= 20; step += 1) {
    const mixed = toHex(start.map((c, i) => c + (target[i]! - c) * (step / 20)) as unknown as Rgb);
    if (contrastRatio(mixed, background) >= MIN_TOKEN_CONTRAST) return mixed;
  }
  return toHex(target);
}

function withReadableTokens(theme: PrismTheme): PrismTheme {
  const background = theme.plain.backgroundColor!;
  return {
    plain: {...theme.plain, color: readableOn(theme.plain.color!, background)},
    styles: theme.styles.map((entry) =>
      entry.style.color ? {...entry, style: {...entry.style, color: readableOn(entry.style.color, background)}} : entry,
    ),
  };
}

export const lightCodeTheme = withReadableTokens(themes.github);
export const darkCodeTheme = withReadableTokens(themes.dracula);
