// Plain CommonJS: Rspack loads loaders with require(), which cannot read TypeScript.
'use strict';
const fs = require('node:fs');

/** `translate({id: '…', message: '…'}`: the first argument of a literal translate() call, ids and messages in single quotes; `)` when it is the only one. */
const CALL = /\btranslate\(\s*\{\s*id:\s*'([^'\\]+)'\s*,\s*message:\s*('(?:[^'\\]|\\.)*')\s*,?\s*\}(\s*\))?/g;

/**
 * Replaces each literal translate() call with the locale's text (the English default where the
 * locale has none), so the chunk carries one string per call and no ids. A call without values
 * becomes the string itself; one with values keeps translate() to interpolate them. A call in
 * another shape stops the build rather than ship its id and default after all.
 * @param {string} source
 * @param {Record<string, {message: string}>} messages the locale's code.json
 * @returns {string}
 */
function inlineTranslations(source, messages) {
  const inlined = source.replace(CALL, (_, id, english, closed) => {
    const localized = messages[id]?.message;
    const text = localized === undefined ? english : JSON.stringify(localized);
    return closed ? `(${text})` : `translate({message: ${text}}`;
  });
  const left = /\btranslate\(\s*\{\s*id:/.exec(inlined);
  if (left) throw new Error(`a translate() call the build cannot inline (write it as translate({id: '…', message: '…'})): ${inlined.slice(left.index, left.index + 80)}`);
  return inlined;
}

/**
 * Options: `codeJson`, the locale's code.json, or none (English). Read here, as a dependency, so
 * the persistent cache rebuilds the panel when a translation changes.
 * @this {{getOptions(): {codeJson?: string}; addDependency(file: string): void}}
 */
function loader(source) {
  const {codeJson} = this.getOptions();
  if (!codeJson) return inlineTranslations(source, {});
  this.addDependency(codeJson);
  return inlineTranslations(source, JSON.parse(fs.readFileSync(codeJson, 'utf8')));
}

module.exports = loader;
module.exports.inlineTranslations = inlineTranslations;
