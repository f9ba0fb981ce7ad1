// The part of autocomplete.js (plain JS, 0.38) that ./autocomplete.ts calls.
declare module '@easyops-cn/autocomplete.js' {
  interface AutoComplete {
    (input: HTMLInputElement, options: unknown, datasets: unknown[]): {on(event: string, handler: () => void): unknown};
    noConflict?: () => void;
  }
  const autoComplete: AutoComplete;
  export default autoComplete;
}
