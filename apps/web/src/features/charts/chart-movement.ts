/** How a chart entry moved since the refresh before, as the chart shows it. */
export interface Movement {
  kind: 'up' | 'down' | 'same' | 'new';
  /** the mark: ▲3, ▼2, NEW, – */
  text: string;
  /** places moved (0 for same and new), for the spoken label */
  places: number;
}

export function movementOf(entry: { movement: Movement['kind']; change: number }): Movement {
  const places = Math.abs(entry.change);
  switch (entry.movement) {
    case 'up':
      return { kind: 'up', text: `▲${places}`, places };
    case 'down':
      return { kind: 'down', text: `▼${places}`, places };
    case 'new':
      return { kind: 'new', text: 'NEW', places: 0 };
    default:
      return { kind: 'same', text: '–', places: 0 };
  }
}
