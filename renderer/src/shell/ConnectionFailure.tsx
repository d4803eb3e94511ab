export function ConnectionFailure({ error }: { error: unknown }) {
  return (
    <main className="connection-failure">
      <h1>Fieldbook cannot reach its notebook</h1>
      <p>{error instanceof Error ? error.message : String(error)}</p>
    </main>
  );
}
