/** Types of scripts/babel-es5-regexp.mjs (a Babel plugin used by webpack.config.js and its test). */
declare const es5RegExp: (api: { types: unknown }) => { name: string; visitor: Record<string, unknown> };
export default es5RegExp;
