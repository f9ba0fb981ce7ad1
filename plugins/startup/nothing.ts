// Stands in for a module plugins/startup/lazy-prism.ts keeps out of a bundle.
export default null;
