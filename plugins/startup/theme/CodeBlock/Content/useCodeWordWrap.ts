import {useCallback, useEffect, useRef, useState} from 'react';
import type {useCodeWordWrap as ThemeCodeWordWrap} from '@docusaurus/theme-common/internal';

type WordWrap = ReturnType<typeof ThemeCodeWordWrap>;

/**
 * theme-common's useCodeWordWrap, measured without stalling start-up. The original reads each
 * block's scrollWidth in an effect (a forced layout per block, and the first block's word-wrap
 * button dirties layout for the next), watches the tab panel around each block with a
 * MutationObserver whose options it memoises with `localeCompare` on every render; on the guide
 * that was ~120 ms of the start-up main thread with the CPU slowed 4×. Here one ResizeObserver per
 * block reads the sizes after the browser has laid out anyway, and it also fires when a hidden tab
 * panel is shown (the block goes from no size to its size), when the window resizes, and when the
 * code's width changes (the reader's portal filled in): every case the original handled.
 */
export function useCodeWordWrap(): WordWrap {
  const [isEnabled, setIsEnabled] = useState(false);
  const [isCodeScrollable, setIsCodeScrollable] = useState(false);
  const codeBlockRef = useRef<HTMLPreElement>(null);

  const toggle = useCallback(() => {
    const code = codeBlockRef.current!.querySelector('code')!;
    if (isEnabled) {
      code.removeAttribute('style');
    } else {
      code.style.whiteSpace = 'pre-wrap';
      // Very long words and tokens must wrap too, so no scrollbar is left.
      code.style.overflowWrap = 'anywhere';
    }
    setIsEnabled((enabled) => !enabled);
  }, [isEnabled]);

  useEffect(() => {
    const pre = codeBlockRef.current;
    const code = pre?.querySelector('code');
    if (!pre || !code) return undefined;
    const observer = new ResizeObserver(() => {
      setIsCodeScrollable(pre.scrollWidth > pre.clientWidth || code.hasAttribute('style'));
    });
    observer.observe(pre);
    observer.observe(code);
    return () => observer.disconnect();
  }, []);

  return {codeBlockRef, isEnabled, isCodeScrollable, toggle};
}
