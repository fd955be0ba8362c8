import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Toast } from '../../components/Toast.tsx';
import { NotInterestedIcon } from './recommend-icons.tsx';
import { useArtistBlock } from './recommend-mutations.ts';
import { useBlockedArtists } from './recommend-queries.ts';

/** 不再推荐该歌手 on an artist's page, and the way back. */
export function BlockArtistButton({ artist }: { artist: { id: string; name: string } }) {
  const { t } = useTranslation();
  const blockedList = useBlockedArtists();
  const change = useArtistBlock();
  const [message, setMessage] = useState<string | null>(null);
  const blocked = blockedList.data?.some((entry) => entry.id === artist.id) ?? false;

  const toggle = () =>
    change.mutate(
      { artistId: artist.id, blocked: !blocked },
      {
        onSuccess: ({ blocked: now }) =>
          setMessage(t(now ? 'recommend.block.done' : 'recommend.block.undone', { name: artist.name })),
      },
    );

  return (
    <>
      <button
        type="button"
        className="btn"
        aria-pressed={blocked}
        onClick={toggle}
        disabled={!blockedList.data || change.isPending}
        data-testid="block-artist"
      >
        <NotInterestedIcon /> {blocked ? t('recommend.block.undo') : t('recommend.block.action')}
      </button>
      {message ? <Toast message={message} onDone={() => setMessage(null)} /> : null}
    </>
  );
}
