import { UserIcon } from './icons.tsx';

/** A round user picture, or a quiet placeholder when there is none. */
export function Avatar({
  url,
  size = 32,
  alt = '',
  className = '',
}: {
  url: string | null | undefined;
  size?: number;
  alt?: string;
  className?: string;
}) {
  const style = { width: size, height: size, fontSize: Math.round(size * 0.5) };
  if (url) return <img className={`avatar ${className}`} src={url} alt={alt} style={style} loading="lazy" />;
  return (
    <span
      className={`avatar avatar-empty ${className}`}
      style={style}
      role={alt ? 'img' : undefined}
      aria-label={alt || undefined}
    >
      <UserIcon />
    </span>
  );
}
