/**
 * The space between a label and what follows it: none after full-width punctuation (“令牌：”),
 * which carries its own spacing in Chinese; one after anything else (“Token:”).
 */
export function gapAfter(label: string): string {
  return /[\u3000-\u303f\uff00-\uffef]$/.test(label) ? '' : ' ';
}
