// Plain CommonJS, like loader.cjs.
'use strict';

/**
 * The panel's strings (`tryIt.*`) are already in its chunks, put there by loader.cjs, and no
 * translate() looks them up at run time: leave them out of the translations every page loads.
 */
module.exports = function dropInlined(source) {
  const messages = JSON.parse(source);
  for (const id of Object.keys(messages)) if (id.startsWith('tryIt.')) delete messages[id];
  return JSON.stringify(messages);
};
