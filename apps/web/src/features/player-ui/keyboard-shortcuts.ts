import { useEffect } from 'react';
import type { PlayerEngine } from '../../player/player-engine.ts';

export type ShortcutCommand =
  | { kind: 'toggle' }
  | { kind: 'seek'; by: number }
  | { kind: 'volume'; by: number }
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'mute' };

interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

const SEEK_STEP = 5;
const VOLUME_STEP = 0.05;

/** True while the user is typing (or working a control that owns its keys). */
function isEditing(target: EventTarget | null, key: string): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  if (element.closest('input, textarea, select, [contenteditable="true"], [role="slider"], [role="listbox"]'))
    return true;
  // Space on a focused button or link presses it; let it.
  return key === ' ' && element.closest('button, a, [role="button"], summary') !== null;
}

/**
 * The player's keys: space plays/pauses, ←/→ seek 5 s, ↑/↓ volume, Shift+←/→ previous/next,
 * M mutes. Never while typing, never with Ctrl/Cmd/Alt (those belong to the browser).
 */
export function commandForKey(event: KeyLike): ShortcutCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isEditing(event.target, event.key)) return null;
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      return { kind: 'toggle' };
    case 'ArrowLeft':
      return event.shiftKey ? { kind: 'previous' } : { kind: 'seek', by: -SEEK_STEP };
    case 'ArrowRight':
      return event.shiftKey ? { kind: 'next' } : { kind: 'seek', by: SEEK_STEP };
    case 'ArrowUp':
      return { kind: 'volume', by: VOLUME_STEP };
    case 'ArrowDown':
      return { kind: 'volume', by: -VOLUME_STEP };
    case 'm':
    case 'M':
      return { kind: 'mute' };
    default:
      return null;
  }
}

export function runCommand(engine: PlayerEngine, command: ShortcutCommand): void {
  switch (command.kind) {
    case 'toggle':
      engine.toggle();
      break;
    case 'seek':
      engine.seekBy(command.by);
      break;
    case 'volume':
      engine.setVolume(engine.getSnapshot().volume + command.by);
      break;
    case 'next':
      engine.next();
      break;
    case 'previous':
      engine.previous();
      break;
    case 'mute':
      engine.toggleMute();
      break;
  }
}

export function useKeyboardShortcuts(engine: PlayerEngine): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || (event.repeat && event.key === ' ')) return;
      const command = commandForKey(event);
      if (!command || engine.getSnapshot().current === null) return;
      event.preventDefault();
      runCommand(engine, command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [engine]);
}
