import type { ReactNode, SVGProps } from 'react';

/*
 * The app's icon set: rounded 24×24 inline SVGs drawn with currentColor, so they take the
 * colour and size (1em) of the text around them. Decorative by default (aria-hidden); buttons
 * carry the accessible name.
 */
type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'>;

/** An icon component of the set; feature folders make their own glyphs with it too. */
export function icon(name: string, body: ReactNode, filled = true) {
  const Icon = (props: IconProps) => (
    <svg
      viewBox="0 0 24 24"
      className="icon"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke={filled ? 'none' : 'currentColor'}
      strokeWidth={filled ? undefined : 2}
      strokeLinecap="round"
      strokeLinejoin="round"
      {...props}
    >
      {body}
    </svg>
  );
  Icon.displayName = `${name}Icon`;
  return Icon;
}

export const PlayIcon = icon(
  'Play',
  <path d="M8 5.6v12.8c0 .8.9 1.3 1.6.8l10-6.4a1 1 0 0 0 0-1.6l-10-6.4C8.9 4.3 8 4.8 8 5.6z" />,
);
export const PauseIcon = icon(
  'Pause',
  <>
    <rect x="6" y="5" width="4" height="14" rx="1.5" />
    <rect x="14" y="5" width="4" height="14" rx="1.5" />
  </>,
);
export const NextIcon = icon(
  'Next',
  <>
    <path d="M5 6.3v11.4c0 .8.9 1.2 1.5.8l8.3-5.7a1 1 0 0 0 0-1.6L6.5 5.5C5.9 5.1 5 5.5 5 6.3z" />
    <rect x="16.5" y="5" width="2.8" height="14" rx="1.4" />
  </>,
);
export const PreviousIcon = icon(
  'Previous',
  <>
    <path d="M19 6.3v11.4c0 .8-.9 1.2-1.5.8l-8.3-5.7a1 1 0 0 1 0-1.6l8.3-5.7c.6-.4 1.5 0 1.5.8z" />
    <rect x="4.7" y="5" width="2.8" height="14" rx="1.4" />
  </>,
);
export const VolumeIcon = icon(
  'Volume',
  <>
    <path d="M4 9.5v5h3.5L12 19V5L7.5 9.5z" fill="currentColor" />
    <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" />
  </>,
  false,
);
export const MuteIcon = icon(
  'Mute',
  <>
    <path d="M4 9.5v5h3.5L12 19V5L7.5 9.5z" fill="currentColor" />
    <path d="M16 9.5l5 5M21 9.5l-5 5" />
  </>,
  false,
);
export const QueueIcon = icon(
  'Queue',
  <>
    <path d="M4 6h12M4 11h12M4 16h7" />
    <path
      d="M15.5 14.2v5.6c0 .4.4.6.7.4l4.3-2.8a.5.5 0 0 0 0-.8l-4.3-2.8c-.3-.2-.7 0-.7.4z"
      fill="currentColor"
    />
  </>,
  false,
);
export const SequentialIcon = icon(
  'Sequential',
  <>
    <path d="M4 7h11M4 12h11M4 17h7" />
    <path d="M19 9v9m0 0-2.5-2.5M19 18l2.5-2.5" />
  </>,
  false,
);
export const RepeatAllIcon = icon(
  'RepeatAll',
  <>
    <path d="M17 2.5 20 5.5l-3 3" />
    <path d="M4 11.5v-2a4 4 0 0 1 4-4h12" />
    <path d="M7 21.5 4 18.5l3-3" />
    <path d="M20 12.5v2a4 4 0 0 1-4 4H4" />
  </>,
  false,
);
export const RepeatOneIcon = icon(
  'RepeatOne',
  <>
    <path d="M17 2.5 20 5.5l-3 3" />
    <path d="M4 11.5v-2a4 4 0 0 1 4-4h12" />
    <path d="M7 21.5 4 18.5l3-3" />
    <path d="M20 12.5v2a4 4 0 0 1-4 4H4" />
    <path d="M11 10.5l1.5-1v5" strokeWidth="1.8" />
  </>,
  false,
);
export const ShuffleIcon = icon(
  'Shuffle',
  <>
    <path d="M16 3h5v5M4 20 21 3M21 16v5h-5M15 15l6 6M4 4l5 5" />
  </>,
  false,
);
export const SearchIcon = icon(
  'Search',
  <>
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-3.5-3.5" />
  </>,
  false,
);
export const CloseIcon = icon('Close', <path d="M6 6l12 12M18 6 6 18" />, false);
export const TrashIcon = icon(
  'Trash',
  <path d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3" />,
  false,
);
export const DragIcon = icon(
  'Drag',
  <>
    <circle cx="9" cy="6" r="1.6" />
    <circle cx="15" cy="6" r="1.6" />
    <circle cx="9" cy="12" r="1.6" />
    <circle cx="15" cy="12" r="1.6" />
    <circle cx="9" cy="18" r="1.6" />
    <circle cx="15" cy="18" r="1.6" />
  </>,
);
export const PlusIcon = icon('Plus', <path d="M12 5v14M5 12h14" />, false);
export const PlayNextIcon = icon(
  'PlayNext',
  <>
    <path d="M4 6h10M4 11h10M4 16h6" />
    <path d="M18 13v8M14 17h8" />
  </>,
  false,
);
export const HomeIcon = icon(
  'Home',
  <path d="M4 10.5 12 4l8 6.5V19a1 1 0 0 1-1 1h-4.5v-5.5h-5V20H5a1 1 0 0 1-1-1z" />,
  false,
);
export const DiscIcon = icon(
  'Disc',
  <>
    <circle cx="12" cy="12" r="9" />
    <circle cx="12" cy="12" r="2.5" />
  </>,
  false,
);
export const MicIcon = icon(
  'Mic',
  <>
    <rect x="9" y="3" width="6" height="11" rx="3" />
    <path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21" />
  </>,
  false,
);
export const NoteIcon = icon(
  'Note',
  <>
    <path d="M9 18V5l11-2v13" />
    <circle cx="6.5" cy="18" r="2.5" />
    <circle cx="17.5" cy="16" r="2.5" />
  </>,
  false,
);
export const UserIcon = icon(
  'User',
  <>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21a8 8 0 0 1 16 0" />
  </>,
  false,
);
export const GlobeIcon = icon(
  'Globe',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
  </>,
  false,
);
export const ChevronDownIcon = icon('ChevronDown', <path d="m6 9 6 6 6-6" />, false);
export const ChevronLeftIcon = icon('ChevronLeft', <path d="m15 6-6 6 6 6" />, false);
export const RefreshIcon = icon(
  'Refresh',
  <>
    <path d="M20 11a8 8 0 0 0-14.6-4.5M4 4v4h4" />
    <path d="M4 13a8 8 0 0 0 14.6 4.5M20 20v-4h-4" />
  </>,
  false,
);
export const LogoutIcon = icon(
  'Logout',
  <path d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 17l-5-5 5-5M5 12h11" />,
  false,
);
export const TranslateIcon = icon(
  'Translate',
  <>
    <path d="M4 5h9M8.5 3v2M11 5c-.8 4-3.4 7-7 8.5M6 8.5c1.2 2.2 3 3.8 5.5 4.8" />
    <path d="m13 21 4-10 4 10M14.5 17.5h5" />
  </>,
  false,
);
export const SpeakerWaveIcon = icon(
  'SpeakerWave',
  <>
    <rect x="4" y="10" width="3" height="8" rx="1" />
    <rect x="10.5" y="6" width="3" height="12" rx="1" />
    <rect x="17" y="12" width="3" height="6" rx="1" />
  </>,
);

export const HeartIcon = icon(
  'Heart',
  <path d="M12 20.5s-7.5-4.6-7.5-10.3A4.2 4.2 0 0 1 8.7 6c1.4 0 2.6.7 3.3 1.8A3.9 3.9 0 0 1 15.3 6a4.2 4.2 0 0 1 4.2 4.2c0 5.7-7.5 10.3-7.5 10.3z" />,
  false,
);
export const HeartFilledIcon = icon(
  'HeartFilled',
  <path d="M12 20.5s-7.5-4.6-7.5-10.3A4.2 4.2 0 0 1 8.7 6c1.4 0 2.6.7 3.3 1.8A3.9 3.9 0 0 1 15.3 6a4.2 4.2 0 0 1 4.2 4.2c0 5.7-7.5 10.3-7.5 10.3z" />,
);
export const FolderPlusIcon = icon(
  'FolderPlus',
  <path d="M3.5 7.5a2 2 0 0 1 2-2h4l2 2h7a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2zM12 11v5M9.5 13.5h5" />,
  false,
);
export const PlaylistIcon = icon(
  'Playlist',
  <>
    <path d="M4 6h13M4 11h13M4 16h8" />
    <circle cx="17" cy="17" r="2.5" />
    <path d="M19.5 17V9.5l2 .8" />
  </>,
  false,
);
export const ChartIcon = icon('Chart', <path d="M5 20V11M12 20V4M19 20v-6M3 20h18" />, false);
export const ClockIcon = icon(
  'Clock',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </>,
  false,
);
export const EditIcon = icon('Edit', <path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16zM13.5 6.5l4 4" />, false);
export const ImageIcon = icon(
  'Image',
  <>
    <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
    <circle cx="9" cy="10" r="1.8" />
    <path d="m20.5 16-5-5-9 8.5" />
  </>,
  false,
);
export const LockIcon = icon(
  'Lock',
  <>
    <rect x="5" y="10.5" width="14" height="10" rx="2" />
    <path d="M8 10.5V8a4 4 0 0 1 8 0v2.5" />
  </>,
  false,
);
export const StarIcon = icon(
  'Star',
  <path d="m12 3.8 2.5 5.1 5.6.8-4 3.9 1 5.6-5.1-2.7-5 2.7.9-5.6-4-3.9 5.6-.8z" />,
  false,
);
export const HeadphonesIcon = icon(
  'Headphones',
  <>
    <path d="M4 16v-3a8 8 0 0 1 16 0v3" />
    <rect x="3.5" y="14.5" width="4" height="6" rx="1.5" />
    <rect x="16.5" y="14.5" width="4" height="6" rx="1.5" />
  </>,
  false,
);

export const BellIcon = icon(
  'Bell',
  <path d="M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 1.5h-15zM10 20.5a2.2 2.2 0 0 0 4 0" />,
  false,
);
export const ThumbUpIcon = icon(
  'ThumbUp',
  <path d="M7.5 10.5v9h-3v-9zM7.5 10.5l3.8-6.3a1.6 1.6 0 0 1 2.9 1.2l-.8 3.6h5a1.8 1.8 0 0 1 1.8 2.1l-1.2 6.5a2 2 0 0 1-2 1.9H7.5" />,
  false,
);
export const CommentIcon = icon(
  'Comment',
  <path d="M4.5 6.5a2 2 0 0 1 2-2h11a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-6l-4.5 3.5v-3.5h-.5a2 2 0 0 1-2-2z" />,
  false,
);
/** A smiling face with two hands held out: the comment "hug". */
export const HugIcon = icon(
  'Hug',
  <>
    <path d="M5.2 13.5A7.5 7.5 0 1 1 18.8 13.5" />
    <path d="M8.6 9.6q1-1 2 0M13.4 9.6q1-1 2 0M9.6 13q2.4 1.8 4.8 0" />
    <path d="M3.8 18.2c.6-2 2.8-3 4.4-2.1l2.3 1.4c.8.5.5 1.8-.5 1.8H6.6c-1.6 0-3.2-.3-2.8-1.1zM20.2 18.2c-.6-2-2.8-3-4.4-2.1l-2.3 1.4c-.8.5-.5 1.8.5 1.8h3.4c1.6 0 3.2-.3 2.8-1.1z" />
  </>,
  false,
);
export const ShieldIcon = icon(
  'Shield',
  <path d="M12 3.5 5 6v5.5c0 4.2 3 7.6 7 9 4-1.4 7-4.8 7-9V6zM9 12l2.2 2.2L15.5 10" />,
  false,
);

/** The brand mark: a red record. */
export function LogoMark(props: IconProps) {
  return (
    <svg viewBox="0 0 32 32" className="icon" aria-hidden="true" focusable="false" {...props}>
      <circle cx="16" cy="16" r="16" fill="#fff" />
      <circle cx="16" cy="16" r="13" fill="var(--red)" />
      <circle cx="16" cy="16" r="8" fill="none" stroke="#fff" strokeWidth="2" />
      <circle cx="16" cy="16" r="3" fill="#fff" />
    </svg>
  );
}

/** Three linked dots: share. */
export const ShareIcon = icon(
  'Share',
  <>
    <circle cx="18" cy="5.5" r="2.5" />
    <circle cx="6" cy="12" r="2.5" />
    <circle cx="18" cy="18.5" r="2.5" />
    <path d="m8.2 10.8 7.6-4.1M8.2 13.2l7.6 4.1" />
  </>,
  false,
);
