/**
 * Babel plugin for the add-in build: rewrites `new RegExp(pattern, flags)` (and `RegExp(…)`) whose
 * pattern and flags are known at build time and use the `u` or `s` flag into an ES5 pattern, with
 * regexpu-core. Internet Explorer 11 (the task pane of Office 2016/2019 volume licence) throws a
 * SyntaxError on those flags and core-js cannot add `u`; preset-env only rewrites regex *literals*,
 * while exceljs (xmlchars) and docx build theirs from strings when their module loads.
 *
 * "Known at build time" covers string literals, `+` concatenation, constant bindings and
 * CommonJS-style members assigned once (`exports.CHAR = "…"`, also minified as `r.CHAR = "…"`).
 * Anything else is left alone; test/addin-build.test.ts scans the emitted chunks for what remains.
 */
import rewritePattern from 'regexpu-core';

/** Flags IE11 lacks that regexpu can compile away (`y` cannot be; the scan reports it). */
const TRANSFORMABLE = /[su]/;
const MAX_DEPTH = 20;

/** Members assigned exactly once (`obj.prop = value`) in one scope's block, by "obj.prop". */
function memberAssignments(t, scopePath, cache) {
  const known = cache.get(scopePath.node);
  if (known) return known;
  const found = new Map();
  scopePath.traverse({
    AssignmentExpression(p) {
      const { left, operator } = p.node;
      if (operator !== '=' || !t.isMemberExpression(left) || left.computed) return;
      if (!t.isIdentifier(left.object) || !t.isIdentifier(left.property)) return;
      const key = `${left.object.name}.${left.property.name}`;
      // two assignments: not a constant
      found.set(key, found.has(key) ? null : p.get('right'));
    },
  });
  cache.set(scopePath.node, found);
  return found;
}

/** The string `path` always evaluates to, or null when that is not known at build time. */
function staticString(t, path, cache, before, depth = 0) {
  if (depth > MAX_DEPTH) return null;
  const node = path.node;
  if (t.isStringLiteral(node)) return node.value;
  if (t.isTemplateLiteral(node) && node.expressions.length === 0) return node.quasis[0].value.cooked ?? null;
  if (t.isBinaryExpression(node, { operator: '+' })) {
    const l = staticString(t, path.get('left'), cache, before, depth + 1);
    const r = l === null ? null : staticString(t, path.get('right'), cache, before, depth + 1);
    return l === null || r === null ? null : l + r;
  }
  if (t.isIdentifier(node)) {
    const binding = path.scope.getBinding(node.name);
    if (!binding || !binding.constant || !binding.path.isVariableDeclarator()) return null;
    const init = binding.path.get('init');
    return init.node ? staticString(t, init, cache, before, depth + 1) : null;
  }
  if (
    t.isMemberExpression(node) &&
    !node.computed &&
    t.isIdentifier(node.object) &&
    t.isIdentifier(node.property)
  ) {
    const binding = path.scope.getBinding(node.object.name);
    const scopePath = binding ? binding.scope.path : path.scope.getProgramParent().path;
    const value = memberAssignments(t, scopePath, cache).get(`${node.object.name}.${node.property.name}`);
    // assigned once, and before the RegExp is built
    if (!value || value.node.start == null || before == null || value.node.start > before) return null;
    return staticString(t, value, cache, before, depth + 1);
  }
  return null;
}

/**
 * `var f = function () { var _ref = _asyncToGenerator(…); return function f() {…}; }();` at the top
 * of a module: the shape a bundler leaves for an exported async function. Creating it has no side
 * effect, but a bundler cannot know that of a call, so it keeps the function (and everything it
 * references) even when nothing imports it; docx's unused patchDetector keeps a lookbehind RegExp
 * that IE11 cannot compile. Marking these calls #__PURE__ lets webpack drop them when unused.
 */
function isAsyncWrapper(t, init) {
  if (!t.isCallExpression(init) || init.arguments.length !== 0 || !t.isFunctionExpression(init.callee))
    return false;
  const body = init.callee.body.body;
  if (body.length !== 2 || !t.isVariableDeclaration(body[0]) || !t.isReturnStatement(body[1])) return false;
  const ref = body[0].declarations[0]?.init;
  return (
    body[0].declarations.length === 1 &&
    t.isCallExpression(ref) &&
    t.isIdentifier(ref.callee, { name: '_asyncToGenerator' }) &&
    t.isFunctionExpression(body[1].argument)
  );
}

function markPureAsyncWrappers(t, program) {
  for (const statement of program.get('body')) {
    if (!statement.isVariableDeclaration()) continue;
    for (const d of statement.node.declarations)
      if (isAsyncWrapper(t, d.init)) t.addComment(d.init, 'leading', '#__PURE__');
  }
}

export default function es5RegExp({ types: t }) {
  const cache = new WeakMap();
  function rewrite(path) {
    const { callee } = path.node;
    if (!t.isIdentifier(callee, { name: 'RegExp' }) || path.scope.getBinding('RegExp')) return;
    const args = path.get('arguments');
    if (args.length !== 2) return;
    const before = path.node.start;
    const flags = staticString(t, args[1], cache, before);
    if (flags === null || !TRANSFORMABLE.test(flags)) return;
    const pattern = staticString(t, args[0], cache, before);
    if (pattern === null) return;
    const es5 = rewritePattern(pattern, flags, {
      unicodeFlag: 'transform',
      dotAllFlag: 'transform',
      unicodePropertyEscapes: 'transform',
    });
    args[0].replaceWith(t.stringLiteral(es5));
    args[1].replaceWith(t.stringLiteral(flags.replace(/[su]/g, '')));
  }
  return {
    name: 'luoshi-es5-regexp',
    visitor: {
      Program: { enter: (program) => markPureAsyncWrappers(t, program) },
      NewExpression: rewrite,
      CallExpression: rewrite,
    },
  };
}
