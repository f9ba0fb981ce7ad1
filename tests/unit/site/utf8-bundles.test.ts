import assert from 'node:assert/strict';
import {test} from 'node:test';
import {getSwcJsMinimizerOptions} from '@docusaurus/faster';
import {rspack} from '@rspack/core';
import utf8BundlesPlugin from '../../../plugins/utf8-bundles';

type Configure = NonNullable<ReturnType<typeof utf8BundlesPlugin>['configureWebpack']>;
type MinimizerOptions = {minify?: boolean; compress?: unknown; mangle?: unknown; format?: Record<string, unknown>};

/** The options a Rspack minimizer was made with (its constructor arguments, kept on the instance). */
function optionsOf(plugin: unknown): MinimizerOptions {
  return (plugin as {_args: [{minimizerOptions: MinimizerOptions}]})._args[0].minimizerOptions;
}

function configure(isServer: boolean, minimizer: unknown[]) {
  const config = {optimization: {minimizer}};
  const configureWebpack = utf8BundlesPlugin().configureWebpack as Configure;
  configureWebpack(config as never, isServer, {currentBundler: {name: 'rspack', instance: rspack}} as never, {} as never);
  return config.optimization.minimizer;
}

test('the browser bundles are minified as Docusaurus does, but keep UTF-8 text instead of \\uXXXX escapes', () => {
  const css = new rspack.LightningCssMinimizerRspackPlugin();
  const docusaurus = new rspack.SwcJsMinimizerRspackPlugin({minimizerOptions: {minify: true, ...(getSwcJsMinimizerOptions() as object)}});
  assert.equal(optionsOf(docusaurus).format?.ascii_only, true, 'Docusaurus Faster escapes non-ASCII text (else this plugin is not needed)');

  const [js, kept] = configure(false, [docusaurus, css]);
  assert.equal(kept, css, 'the CSS minimizer is left alone');
  assert.ok(js instanceof rspack.SwcJsMinimizerRspackPlugin);
  const {format, ...rest} = optionsOf(js);
  const {format: docusaurusFormat, ...docusaurusRest} = optionsOf(docusaurus);
  assert.equal(format?.ascii_only, false);
  assert.deepEqual({...format, ascii_only: true}, docusaurusFormat);
  assert.deepEqual(rest, docusaurusRest);
});

test('the server bundle is left alone, and a minimizer Docusaurus no longer adds is said loudly', () => {
  const docusaurus = new rspack.SwcJsMinimizerRspackPlugin({});
  assert.equal(configure(true, [docusaurus])[0], docusaurus);
  assert.throws(() => configure(false, [new rspack.LightningCssMinimizerRspackPlugin()]), /no SwcJsMinimizerRspackPlugin/);
});
