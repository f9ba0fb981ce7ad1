// Plain CommonJS: Rspack loads loaders with require(), which cannot read TypeScript.
'use strict';
const fs = require('node:fs');

/** A single-quoted string literal, as the wording writes every id, message and description. */
const QUOTED = String.raw`'(?:[^'\\]|\\.)*'`;
/**
 * `translate({id: '…', message: '…', description: '…'}`: the first argument of a literal translate()
 * call, its keys in any order (the description is optional); `)` when it is the only argument.
 */
const CALL = new RegExp(String.raw`\btranslate\(\s*\{((?:\s*\w+\s*:\s*${QUOTED}\s*,?)+)\s*\}(\s*\))?`, 'g');
const ENTRY = new RegExp(String.raw`(\w+)\s*:\s*(${QUOTED})`, 'g');

/** The call's `{id, message, description?}` as written (quoted), or null for any other shape. */
function fieldsOf(literal) {
  const fields = {};
  for (const [, key, value] of literal.matchAll(ENTRY)) {
    if (!['id', 'message', 'description'].includes(key) || key in fields) return null;
    fields[key] = value;
  }
  return fields.id && fields.message && /^'[^'\\]+'$/.test(fields.id) ? fields : null;
}

/**
 * Replaces each literal translate() call with the locale's text (the English default where the
 * locale has none), so the chunk carries one string per call and no ids or descriptions (those are
 * for translators, in code.json). A call without values becomes the string itself; one with values
 * keeps translate() to interpolate them. A call in another shape stops the build rather than ship
 * its id and default after all.
 * @param {string} source
 * @param {Record<string, {message: string}>} messages the locale's code.json
 * @returns {string}
 */
function inlineTranslations(source, messages) {
  const refuse = (text, at) => {
    throw new Error(`a translate() call the build cannot inline (write it as translate({id: '…', message: '…', description: '…'})): ${text.slice(at, at + 80)}`);
  };
  const inlined = source.replace(CALL, (call, literal, closed, at) => {
    const fields = fieldsOf(literal);
    if (!fields) refuse(source, at);
    const localized = messages[fields.id.slice(1, -1)]?.message;
    const text = localized === undefined ? fields.message : JSON.stringify(localized);
    return closed ? `(${text})` : `translate({message: ${text}}`;
  });
  // What is left is the loader's own `translate({message: …}` or a call it could not read.
  const left = /\btranslate\(\s*\{(?!message: (?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\})/.exec(inlined);
  if (left) refuse(inlined, left.index);
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
