/**
 * A rehype plugin for the docs: inline code that is one short word, such as the account name
 * `html-error` or `0001-01-01T00:00:00`, gets the class `code-whole`, which custom.css keeps on
 * one line. A browser may otherwise break such a span after any hyphen, which on a phone splits an
 * account name into two lines that read as two names. Longer spans (URLs, JSON) may still wrap,
 * and so may spans with spaces or a <wbr /> the source placed on purpose.
 */

/** Spans up to this many characters stay whole; about a third of a phone's line of code. */
export const WHOLE_CODE_MAX_LENGTH = 32;

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function text(node: HastNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(text).join('');
}

/** Whether a span of inline code should stay on one line. */
export function keepsWhole(code: HastNode): boolean {
  const content = text(code);
  const hasBreakPoint = (code.children ?? []).some((child) => child.type === 'element' && child.tagName === 'wbr');
  return !hasBreakPoint && content.length <= WHOLE_CODE_MAX_LENGTH && /-/.test(content) && !/\s/.test(content);
}

function mark(node: HastNode, insidePre: boolean): void {
  if (node.type === 'element' && node.tagName === 'code' && !insidePre && keepsWhole(node)) {
    const classes = node.properties?.className;
    node.properties = {...node.properties, className: [...(Array.isArray(classes) ? classes : []), 'code-whole']};
  }
  for (const child of node.children ?? []) mark(child, insidePre || node.tagName === 'pre');
}

export default function wholeCodeSpans() {
  return (tree: HastNode) => mark(tree, false);
}
