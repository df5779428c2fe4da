// Message catalogues: each diagnostic text has a stable code, so tools can tell kinds
// of problem apart without matching on wording (src/butane/messages.ts,
// src/ignition/validate/messages.ts; listed in docs/diagnostics.md).

/** A message and its code. */
export interface Message {
  readonly code: string;
  readonly message: string;
}

/** A message with variable parts: call it with them to get the Message. */
export interface Template<A extends readonly unknown[]> {
  (...args: A): Message;
  readonly code: string;
  /** The wording with its variable parts in braces, e.g. "unused key {key}". */
  readonly pattern: string;
}

export function fixed(code: string, message: string): Message {
  return Object.freeze({ code, message });
}

export function template<A extends readonly unknown[]>(code: string, pattern: string, render: (...args: A) => string): Template<A> {
  const t = (...args: A): Message => ({ code, message: render(...args) });
  return Object.freeze(Object.assign(t, { code, pattern }));
}
