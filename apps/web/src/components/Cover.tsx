import { useState } from 'react';
import { deviceCoverSrc } from '../lib/cover-url.ts';
import { NoteIcon } from './icons.tsx';
import './cover.css';

interface CoverProps {
  url: string | null | undefined;
  /** the displayed edge in CSS pixels; picks the thumbnail size */
  size: number;
  alt?: string;
  round?: boolean;
  className?: string;
}

/** A square cover (or round artist photo) with a quiet placeholder when there is none. */
export function Cover({ url, size, alt = '', round = false, className = '' }: CoverProps) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const src = deviceCoverSrc(url, size);
  const classes = `cover${round ? ' cover-round' : ''} ${className}`.trim();
  if (!src || failedSrc === src) {
    return (
      <div className={`${classes} cover-empty`} role={alt ? 'img' : undefined} aria-label={alt || undefined}>
        <NoteIcon />
      </div>
    );
  }
  return (
    <img
      className={classes}
      src={src}
      alt={alt}
      loading="lazy"
      decoding="async"
      draggable={false}
      onError={() => setFailedSrc(src)}
    />
  );
}
