import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { LockIcon, PlaylistIcon, PlusIcon } from '../../components/icons.tsx';
import type { Playlist } from '../../lib/api-types.ts';
import { useMyPlaylists } from './playlist-queries.ts';
import './sidebar-playlists.css';

const CreatePlaylistDialog = lazy(() => import('./CreatePlaylistDialog.tsx'));

/** The sidebar's "created" and "collected" playlists, with a button for a new one. */
export function SidebarPlaylists() {
  const { t } = useTranslation();
  const mine = useMyPlaylists();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div className="sidebar-group sidebar-group-action">
        <span>{t('nav.createdPlaylists')}</span>
        <button
          type="button"
          className="sidebar-add"
          onClick={() => setCreating(true)}
          aria-label={t('nav.newPlaylist')}
          title={t('nav.newPlaylist')}
          data-testid="sidebar-new-playlist"
        >
          <PlusIcon />
        </button>
      </div>
      <SidebarList playlists={mine.data?.created ?? []} />
      {mine.data && mine.data.subscribed.length > 0 ? (
        <>
          <div className="sidebar-group">{t('nav.collectedPlaylists')}</div>
          <SidebarList playlists={mine.data.subscribed} />
        </>
      ) : null}
      {creating ? (
        <Suspense fallback={null}>
          <CreatePlaylistDialog onClose={() => setCreating(false)} />
        </Suspense>
      ) : null}
    </>
  );
}

function SidebarList({ playlists }: { playlists: readonly Playlist[] }) {
  return (
    <>
      {playlists.map((playlist) => (
        <NavLink
          key={playlist.id}
          to={`/playlists/${playlist.id}`}
          className="sidebar-link sidebar-playlist"
          title={playlist.name}
          data-testid="sidebar-playlist"
        >
          {playlist.visibility === 'private' ? <LockIcon /> : <PlaylistIcon />}
          <span className="sidebar-text">{playlist.name}</span>
        </NavLink>
      ))}
    </>
  );
}
