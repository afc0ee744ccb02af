/** A readable name for a simulated session ("ten-minute-mixed" → "Ten minute mixed"). */
export function scenarioLabel(name: string): string {
  const words = name.replace(/-/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
