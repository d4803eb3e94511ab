/** The set with `item` in it when `checked`, out of it otherwise: what a checkbox in a list of choices does to the chosen set. */
export function withChecked<T>(current: ReadonlySet<T>, item: T, checked: boolean): Set<T> {
  const next = new Set(current);
  if (checked) next.add(item);
  else next.delete(item);
  return next;
}
