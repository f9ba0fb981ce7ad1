import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {themes} from 'prism-react-renderer';
import {MIN_TOKEN_CONTRAST, contrastRatio, darkCodeTheme, lightCodeTheme, parseColor} from '../../../src/css/prism-themes';

describe('code themes', () => {
  for (const [name, theme, original] of [
    ['light', lightCodeTheme, themes.github],
    ['dark', darkCodeTheme, themes.dracula],
  ] as const) {
    it(`every ${name} token colour reaches ${MIN_TOKEN_CONTRAST}:1 on its background`, () => {
      const background = theme.plain.backgroundColor!;
      const colours = [theme.plain.color!, ...theme.styles.flatMap((entry) => (entry.style.color ? [entry.style.color] : []))];
      for (const colour of colours) {
        assert.ok(contrastRatio(colour, background) >= MIN_TOKEN_CONTRAST, `${colour} on ${background}`);
      }
    });

    it(`keeps the ${name} theme's background and token types, and colours that already passed`, () => {
      assert.equal(theme.plain.backgroundColor, original.plain.backgroundColor);
      assert.deepEqual(theme.styles.map((entry) => entry.types), original.styles.map((entry) => entry.types));
      theme.styles.forEach((entry, index) => {
        const before = original.styles[index]!.style.color;
        if (before && contrastRatio(before, original.plain.backgroundColor!) >= MIN_TOKEN_CONTRAST) {
          assert.equal(entry.style.color, before);
        }
      });
    });
  }
});

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    assert.equal(contrastRatio('#000000', '#ffffff'), 21);
    assert.equal(contrastRatio('#fff', '#fff'), 1);
    assert.equal(contrastRatio('#777777', '#ffffff').toFixed(2), '4.48');
    assert.equal(contrastRatio('rgb(0, 0, 0)', '#FFFFFF'), 21);
  });

  it('refuses colour formats it cannot read, rather than guess', () => {
    assert.throws(() => parseColor('hsl(230, 1%, 98%)'), /Unsupported colour/);
  });
});
