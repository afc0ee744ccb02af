/** Top-level screen. Pairing, setup, the live view and review arrive as feature folders. */
export function App() {
  return (
    <main className="app">
      <h1>Roller Companion</h1>
      <p>Your foam-rolling coach. Connect a sensor to begin.</p>
    </main>
  );
}
