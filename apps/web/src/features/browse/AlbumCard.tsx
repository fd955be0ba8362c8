import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Cover } from '../../components/Cover.tsx';
import { PlayIcon } from '../../components/icons.tsx';
import { usePlayAlbum } from './use-play-album.ts';
import './cards.css';

type CardAlbum = {
  id: string;
  title: string;
  artist: { id: string; name: string };
  year: number | null;
  coverUrl: string | null;
};

interface AlbumCardProps {
  album: CardAlbum;
  /** show the year instead of the artist (on an artist's own page) */
  subtitle?: 'artist' | 'year';
}

/** Albums as a grid of cards: the one layout of every album list. */
export function AlbumGrid({
  albums,
  subtitle,
}: {
  albums: readonly CardAlbum[];
  subtitle?: 'artist' | 'year';
}) {
  return (
    <div className="card-grid">
      {albums.map((album) => (
        <AlbumCard key={album.id} album={album} subtitle={subtitle} />
      ))}
    </div>
  );
}

export function AlbumCard({ album, subtitle = 'artist' }: AlbumCardProps) {
  const { t } = useTranslation();
  const playAlbum = usePlayAlbum();
  return (
    <div className="card" data-testid="album-card">
      <div className="card-cover">
        <Link to={`/albums/${album.id}`} aria-label={album.title} tabIndex={-1}>
          <Cover url={album.coverUrl} size={180} />
        </Link>
        <button
          type="button"
          className="card-play"
          onClick={() => void playAlbum(album.id)}
          aria-label={t('album.playAlbum', { title: album.title })}
        >
          <PlayIcon />
        </button>
      </div>
      <Link className="card-title" to={`/albums/${album.id}`}>
        {album.title}
      </Link>
      <div className="card-subtitle">
        {subtitle === 'year' ? (
          (album.year ?? '')
        ) : (
          <Link to={`/artists/${album.artist.id}`}>{album.artist.name}</Link>
        )}
      </div>
    </div>
  );
}

export function ArtistCard({ artist }: { artist: { id: string; name: string; coverUrl: string | null } }) {
  return (
    <Link className="card card-artist" to={`/artists/${artist.id}`} data-testid="artist-card">
      <Cover url={artist.coverUrl} size={180} round alt="" />
      <span className="card-title">{artist.name}</span>
    </Link>
  );
}
