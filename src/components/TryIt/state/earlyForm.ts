/**
 * The sign-in fields the page shows before the widget's code has loaded (../EarlyForm), and how the
 * next form takes over from them: what was typed, and which field had the cursor where.
 *
 * The panel is browser-only and lazy, so between the first paint and the widget there are up to
 * three forms in turn: the server's (hydrated as is), the one shown while the widget's chunk
 * loads, and the widget's own. Each new one reads the DOM of the one it replaces while it renders
 * (React removes the old nodes only when it commits) and, before the browser paints, puts the
 * cursor back where it was, so no keystroke and no caret position is lost on the way.
 */
import {useLayoutEffect, type RefObject} from 'react';

export const EARLY_FIELDS = ['portal', 'userName', 'password'] as const;
export type EarlyField = (typeof EARLY_FIELDS)[number];

export interface EarlyFormInput {
  /** The text in each field, where the reader typed any. */
  values: Partial<Record<EarlyField, string>>;
  /** The field that had the cursor, and the selection in it. */
  focus?: {name: EarlyField; start: number | null; end: number | null};
}

/** Marks the early form; the attribute the widget looks for. */
export const EARLY_FORM_ATTRIBUTE = 'data-early-form';

/** What the reader has put in the early form on the page now (nothing on the server, or once it is gone). */
export function readEarlyForm(): EarlyFormInput {
  const form = typeof document === 'undefined' ? null : document.querySelector(`form[${EARLY_FORM_ATTRIBUTE}]`);
  if (!(form instanceof HTMLFormElement)) return {values: {}};
  const values: EarlyFormInput['values'] = {};
  let focus: EarlyFormInput['focus'];
  for (const name of EARLY_FIELDS) {
    const field = form.elements.namedItem(name);
    if (!(field instanceof HTMLInputElement)) continue;
    if (field.value) values[name] = field.value;
    if (document.activeElement === field) focus = {name, start: field.selectionStart, end: field.selectionEnd};
  }
  return {values, focus};
}

/** Puts the cursor where it was in the form this one replaced: in the field of the same name, same selection. */
export function useFocusTakenOver(form: RefObject<HTMLElement | null>, focus: EarlyFormInput['focus']): void {
  useLayoutEffect(() => {
    if (!focus) return;
    const field = form.current?.querySelector(`input[name="${focus.name}"]`);
    if (!(field instanceof HTMLInputElement)) return;
    field.focus();
    // Selection is not supported on some input types (e.g. email); the caret then stays at the end.
    if (focus.start !== null && focus.end !== null) field.setSelectionRange(focus.start, focus.end);
  }, []);
}
