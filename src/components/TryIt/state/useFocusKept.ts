import {useEffect, useLayoutEffect, useRef, type RefObject} from 'react';

/**
 * Keeps the keyboard in the widget: when the element that had focus goes away (the code form once
 * the code is accepted, the token once it is forgotten or signed out), focus moves to `fallback`
 * rather than dropping to the page body. Runs after each `change`.
 */
export function useFocusKept(container: RefObject<HTMLElement | null>, fallback: RefObject<HTMLElement | null>, change: unknown): void {
  const hadFocus = useRef(false);
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const enter = () => (hadFocus.current = true);
    // Focus moved elsewhere on purpose stays there; focus lost with a removed element has no target.
    const leave = (event: FocusEvent) => {
      if (event.relatedTarget && !root.contains(event.relatedTarget as Node)) hadFocus.current = false;
    };
    root.addEventListener('focusin', enter);
    root.addEventListener('focusout', leave);
    return () => {
      root.removeEventListener('focusin', enter);
      root.removeEventListener('focusout', leave);
    };
  }, [container]);
  // Before the browser paints, so the page never shows (or reports) the focus on its body.
  useLayoutEffect(() => {
    if (hadFocus.current && (document.activeElement === document.body || document.activeElement === null)) fallback.current?.focus();
  }, [change, fallback]);
}
