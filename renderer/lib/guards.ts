// Narrowing without casts: a string from the page (a <select>'s value, a map key, a value read from storage) becomes a
// word of a shared vocabulary only by being found in it. Pure.

/** Whether `value` is one of `list`'s words (a vocabulary of src/shared/vocabulary.ts, or a form's own options). */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return list.some((word) => word === value);
}

/** Whether `key` is one of the keys of `table` (its own, not inherited ones such as 'constructor'). */
export function isKeyOf<K extends string>(table: Readonly<Record<K, unknown>>, key: string): key is K {
  return Object.hasOwn(table, key);
}

/** The entry of `table` under a plain string, or undefined when the string is not one of its keys. */
export function lookup<K extends string, V>(table: Readonly<Record<K, V>>, key: string): V | undefined {
  return isKeyOf(table, key) ? table[key] : undefined;
}
