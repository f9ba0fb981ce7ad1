/**
 * What the reader does before the page is hydrated, kept and done once it is (issue 22, item 1).
 *
 * The page is readable, and looks ready, from its first paint, well before React has hydrated it
 * (the bundles start after that paint: ./ssrTemplate.ts). A click on a tab or a copy button, or a
 * key on a tab, meets server HTML with no handler and used to be lost. This script, inlined at the
 * top of every page, records those events on the page's controls (`[role="tab"]`, `button`) and
 * keeps them from anything else (no form is submitted natively, and React, once its listeners are
 * on but before it has hydrated, does not act on them a second time). When Docusaurus marks the
 * page hydrated (`<html data-has-hydrated="true">`), it first hands React the text typed into
 * fields meanwhile (React 19 hydrates a field with what it shows but keeps its own state, so the
 * next render would wipe it), then replays the clicks and keys, in order, on the same elements
 * (hydration keeps the server's nodes). From then on it stays out of the way.
 *
 * It is a plain function so it can be type-checked; the template inlines its source, so it uses
 * only what every browser the site supports has, and nothing from outside its body.
 */
export function recordEarlyInput(): void {
  const CONTROLS = '[role="tab"], button';
  /** The keys a tab list acts on (theme-classic's Tabs); on a button, Enter and Space become a click. */
  const TAB_KEYS = ['Enter', 'ArrowLeft', 'ArrowRight'];
  const root = document.documentElement;
  const events: {target: Element; type: 'click' | 'keydown'; key: string}[] = [];
  const typedInto: (HTMLInputElement | HTMLTextAreaElement)[] = [];

  function record(event: Event): void {
    const target = event.target instanceof Element ? event.target.closest(CONTROLS) : null;
    if (!target || !target.closest('#__docusaurus')) return;
    const key = event instanceof KeyboardEvent ? event.key : '';
    if (event.type === 'keydown' && (target.getAttribute('role') !== 'tab' || TAB_KEYS.indexOf(key) < 0)) return;
    event.preventDefault();
    event.stopPropagation();
    events.push({target, type: event.type as 'click' | 'keydown', key});
  }
  function recordTyping(event: Event): void {
    const field = event.target;
    if ((field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) && typedInto.indexOf(field) < 0) typedInto.push(field);
  }

  /** Tells React a field's value changed: its own value tracker must see the server's value first. */
  function handOver(field: HTMLInputElement | HTMLTextAreaElement): void {
    const typed = field.value;
    if (typed === field.defaultValue) return;
    const {selectionStart, selectionEnd} = field;
    const focused = document.activeElement === field;
    field.value = field.defaultValue;
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')!.set!.call(field, typed);
    field.dispatchEvent(new Event('input', {bubbles: true}));
    if (focused) field.setSelectionRange(selectionStart, selectionEnd);
  }

  function replay(): void {
    document.removeEventListener('click', record, true);
    document.removeEventListener('keydown', record, true);
    document.removeEventListener('input', recordTyping, true);
    typedInto.forEach((field) => field.isConnected && handOver(field));
    events.forEach(({target, type, key}) => {
      if (!target.isConnected) return;
      if (type === 'click') (target as HTMLElement).click();
      else target.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true}));
    });
  }

  document.addEventListener('click', record, true);
  document.addEventListener('keydown', record, true);
  document.addEventListener('input', recordTyping, true);
  const observer = new MutationObserver(() => {
    if (root.getAttribute('data-has-hydrated') !== 'true') return;
    observer.disconnect();
    replay();
  });
  observer.observe(root, {attributes: true, attributeFilter: ['data-has-hydrated']});
}
