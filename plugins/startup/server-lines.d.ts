/** HighlightedLines in the server bundle, null in the browser's (aliased in ./lazy-prism.ts). */
declare module '@lazy-prism/server-lines' {
  const serverLines: typeof import('./theme/CodeBlock/Content/HighlightedLines').default | null;
  export default serverLines;
}
