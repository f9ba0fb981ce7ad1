import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {tokenColoursCss} from '../../../plugins/startup/lazy-prism';
import {darkCodeTheme, lightCodeTheme} from '../../../src/css/prism-themes';

/** The declarations of every rule whose selector list holds `selector`, in order. */
function rulesFor(css: string, selector: string): string[] {
  return css
    .split('\n')
    .filter((rule) => rule.slice(0, rule.indexOf('{')).split(',').includes(selector))
    .map((rule) => rule.slice(rule.indexOf('{') + 1, -1));
}

/** The value a property ends up with when the rules apply in order, as the cascade does. */
function cascaded(rules: string[], property: string): string | undefined {
  let value: string | undefined;
  for (const declaration of rules.flatMap((rule) => rule.split(';'))) {
    const [name, ...rest] = declaration.split(':');
    if (name === property) value = rest.join(':');
  }
  return value;
}

describe('token colours as CSS (plugins/startup/lazy-prism.ts)', () => {
  for (const [mode, theme] of [
    ['light', lightCodeTheme],
    ['dark', darkCodeTheme],
  ] as const) {
    const css = tokenColoursCss(mode, theme);

    it(`gives every ${mode} token type its theme colour, scoped to the ${mode} mode`, () => {
      // prism-react-renderer merges a type's entries in order, later ones winning, as the cascade does.
      for (const type of new Set(theme.styles.flatMap((entry) => entry.types))) {
        const entries = theme.styles.filter((entry) => entry.types.includes(type));
        const rules = rulesFor(css, `[data-theme='${mode}'] .token.${type}`);
        assert.equal(rules.length, entries.length, type);
        const expected = Object.assign({}, ...entries.map((entry) => entry.style)) as {color?: string; fontStyle?: string};
        assert.equal(cascaded(rules, 'color'), expected.color, `${type} color`);
        assert.equal(cascaded(rules, 'font-style'), expected.fontStyle, `${type} font-style`);
      }
    });

    it(`sets the ${mode} block's colours over the inline ones theme-classic rendered on the server`, () => {
      assert.deepEqual(rulesFor(css, `[data-theme='${mode}'] .theme-code-block`), [
        `--prism-color:${theme.plain.color} !important;--prism-background-color:${theme.plain.backgroundColor} !important`,
      ]);
    });
  }
});
