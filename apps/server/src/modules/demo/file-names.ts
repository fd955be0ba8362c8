/**
 * Safe file and folder names for the generated library. Chinese and other Unicode text is kept as
 * is; only characters that are illegal or awkward on common file systems are replaced.
 */

const RESERVED = /[\\/:*?"<>|]/g;

const isControl = (character: string) => character.charCodeAt(0) < 0x20 || character === '\u007f';

export function sanitizeFileName(name: string): string {
  const cleaned = Array.from(name, (character) => (isControl(character) ? '_' : character))
    .join('')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .trim()
    // Windows drops trailing dots and spaces, and a leading dot would hide the file on Unix.
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  return cleaned.length > 0 ? cleaned.slice(0, 120) : '_';
}

/** `<NN> - <title>`: the zero-padded number keeps files in album order in any file browser. */
export function trackBaseName(trackNo: number, title: string): string {
  return `${String(trackNo).padStart(2, '0')} - ${sanitizeFileName(title)}`;
}
