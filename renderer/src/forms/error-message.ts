/** What to tell a person about a failure: the API's errors carry a message written for them. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
