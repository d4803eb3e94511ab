/** The day a document was published, in the reader's language; anything that is not an ISO date is shown as the import found it. */
export function publishedDate(value: string | undefined): string | undefined {
  const day = value && /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  if (!day) return value;
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
}
