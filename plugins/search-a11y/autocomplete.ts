// search-local's navbar bar imports this in place of @easyops-cn/autocomplete.js (see ./index.ts).
import autoComplete from '@easyops-cn/autocomplete.js';

type Options = {cssClasses: {suggestions: string}};

/**
 * autocomplete.js 0.38 makes its whole dropdown the listbox, with `aria-owns` from the input: the
 * "See all results" link sits inside the listbox, which may hold only options. Here the list of hits
 * is the listbox, the input names it with `aria-controls` (ARIA 1.2's combobox), and a dropdown with
 * no hits (its "No results" line) is not announced as an open list.
 */
function accessibleAutoComplete(input: HTMLInputElement, options: Options, datasets: unknown[]) {
  const search = autoComplete(input, options, datasets);
  const listboxId = input.getAttribute('aria-owns');
  const menu = listboxId ? document.getElementById(listboxId) : null;
  if (!listboxId || !menu) return search;
  menu.removeAttribute('role');
  menu.removeAttribute('id');
  input.removeAttribute('aria-owns');
  const mark = () => {
    const hits = menu.querySelector(`.${options.cssClasses.suggestions}`);
    if (hits?.querySelector('[role="option"]')) {
      hits.setAttribute('role', 'listbox');
      hits.id = listboxId;
      hits.setAttribute('aria-label', input.placeholder || input.getAttribute('aria-label') || '');
      input.setAttribute('aria-controls', listboxId);
    } else {
      input.removeAttribute('aria-controls');
      input.setAttribute('aria-expanded', 'false');
    }
  };
  search.on('autocomplete:updated', mark);
  search.on('autocomplete:shown', mark);
  return search;
}

accessibleAutoComplete.noConflict = () => autoComplete.noConflict?.();

export default accessibleAutoComplete;
