// Stands in for a module plugins/lazy-prism keeps out of a bundle.
export default null;
