// Host pages that add enumerable properties to Object.prototype or
// Array.prototype (old libraries and polyfills written as
// `Object.prototype.extend = …`) break zod: since 4.5 it installs a schema's
// methods with `for (const key in table)` and reads each key's own descriptor,
// so an inherited `extend` makes building the first schema throw ("Cannot read
// properties of undefined (reading 'get')"); and a strict object walks its
// input with `for…in`, so every parsed object has an "unknown key extend".
// zod is our dependency (and the npm build leaves it to the app's bundler), so
// we guard at our boundary instead of patching it: while zod builds or parses,
// those additions are made non-enumerable, and put back as they were at once.
// Nothing the host can observe: the hiding is synchronous, or (while modules
// evaluate) lasts until the end of the current task's synchronous work.

/** The prototypes a plain JSON value and zod's own tables inherit from. */
const SHARED: readonly object[] = [Object.prototype, Array.prototype];

/** Own enumerable string keys of the shared prototypes that can be hidden, with their owner. */
type Hidden = Array<readonly [object, string]>;

let held: Hidden | undefined;

/** Whether a `for…in` over a fresh array or object would meet an inherited key. */
function polluted(): boolean {
  // An empty array inherits from both prototypes.
  for (const _ in []) return true;
  return false;
}

function hide(): Hidden {
  const hidden: Hidden = [];
  for (const proto of SHARED) {
    for (const key of Object.keys(proto)) {
      // A non-configurable addition cannot be hidden; zod may still fail on it,
      // and the widget then shows its error panel instead of the document.
      if (!Object.getOwnPropertyDescriptor(proto, key)?.configurable) continue;
      Object.defineProperty(proto, key, { enumerable: false });
      hidden.push([proto, key]);
    }
  }
  return hidden;
}

function restore(hidden: Hidden): void {
  for (const [proto, key] of hidden) {
    if (Object.getOwnPropertyDescriptor(proto, key)?.configurable) Object.defineProperty(proto, key, { enumerable: true });
  }
}

/**
 * Runs `run` with the host's enumerable additions to Object.prototype and
 * Array.prototype hidden, and puts them back before returning (or throwing).
 * Costs one empty `for…in` on a clean page.
 */
export function ownKeysOnly<T>(run: () => T): T {
  if (held || !polluted()) return run();
  const hidden = hide();
  held = hidden;
  try {
    return run();
  } finally {
    held = undefined;
    restore(hidden);
  }
}

/**
 * Hides the host's additions until the current synchronous work is done (one
 * microtask). Called first thing in every module that builds zod schemas at
 * its top level: a module graph evaluates in one go, so the schemas of every
 * module loaded with it are built with the additions hidden.
 */
export function ownKeysOnlyWhileLoading(): void {
  if (held || !polluted()) return;
  const hidden = hide();
  held = hidden;
  queueMicrotask(() => {
    held = undefined;
    restore(hidden);
  });
}
