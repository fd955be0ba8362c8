import { icon } from '../../components/icons.tsx';

/*
 * Icons only this feature uses, made with the app's set (components/icons.tsx): 24×24 rounded
 * strokes in currentColor, decorative (the buttons carry the names).
 */
const glyph = (name: string, d: string) => icon(name, <path d={d} />, false);

export const CalendarIcon = glyph(
  'Calendar',
  'M5 6.5h14a1 1 0 0 1 1 1V19a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7.5a1 1 0 0 1 1-1zM4 10.5h16M8.5 4v4M15.5 4v4',
);

export const RadioIcon = glyph(
  'Radio',
  'M4.5 9.5h15a1 1 0 0 1 1 1V19a1 1 0 0 1-1 1h-15a1 1 0 0 1-1-1v-8.5a1 1 0 0 1 1-1zM7 9.5l9.5-5M15.5 15a1.8 1.8 0 1 0 0-.01M7 13.5h4M7 16.5h4',
);

/** "Not interested", "don't recommend": a circle struck through. */
export const NotInterestedIcon = glyph(
  'NotInterested',
  'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17zM6 6l12 12',
);

export const QuestionIcon = glyph(
  'Question',
  'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17zM9.6 9.4a2.5 2.5 0 1 1 3.4 2.3c-.6.3-1 .8-1 1.5v.3M12 16.6v.1',
);
