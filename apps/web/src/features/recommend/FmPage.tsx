import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Cover } from '../../components/Cover.tsx';
import { NextIcon, PauseIcon, PlayIcon, RefreshIcon, TrashIcon } from '../../components/icons.tsx';
import { Toast } from '../../components/Toast.tsx';
import { ArtistLinks } from '../browse/ArtistLinks.tsx';
import { LikeButton } from '../likes/LikeButton.tsx';
import { usePlayer } from '../player-ui/player-context.tsx';
import { FmModeSwitch } from './FmModeSwitch.tsx';
import { RadioIcon } from './recommend-icons.tsx';
import { useSaveFmMode } from './recommend-mutations.ts';
import { dailyKey, useTaste } from './recommend-queries.ts';
import type { FmMode } from './recommend-types.ts';
import { ReasonLine } from './ReasonLine.tsx';
import { useFmNowPlaying } from './use-fm-session.ts';
import { WhyButton } from './WhyButton.tsx';
import '../browse/browse.css';
import './fm.css';

/** 私人FM: one song at a time, big; like it, bin it or move on. */
export default function FmPage() {
  const { t } = useTranslation();
  const engine = usePlayer();
  const queryClient = useQueryClient();
  const { session, state, track, playing } = useFmNowPlaying();
  const savedMode = useTaste().data?.fmMode;
  const saveMode = useSaveFmMode();
  const [toast, setToast] = useState<string | null>(null);

  const mode: FmMode = state.mode ?? savedMode ?? 'default';
  const reason = track ? state.reasons.get(track.id) : undefined;

  const onPlay = () => {
    if (track) engine.toggle();
    else void session.start(mode);
  };
  const onTrash = async () => {
    const told = await session.trash();
    setToast(told ? t('recommend.fm.trashed') : t('recommend.fm.trashFailed'));
    // Today's list hides binned tracks too.
    void queryClient.invalidateQueries({ queryKey: dailyKey(null) });
  };
  const onMode = (next: FmMode) => {
    session.setMode(next);
    saveMode.mutate(next);
  };

  return (
    <div className="page fm-page">
      <div className="fm-stage">
        <div className={`fm-cover ${playing ? 'is-playing' : ''}`}>
          <Cover url={track?.coverUrl} size={320} alt={track?.album?.title ?? ''} />
        </div>
        <div className="fm-info">
          <span className="detail-kind fm-kind">
            <RadioIcon /> {t('recommend.fm.title')}
          </span>
          <h1 className="fm-title" data-testid="fm-title">
            {track ? <Link to={`/tracks/${track.id}`}>{track.title}</Link> : t('recommend.fm.title')}
          </h1>
          <p className="fm-artists muted">
            {track ? <ArtistLinks artists={track.artists} /> : t('recommend.fm.idle')}
          </p>
          {track && reason ? (
            <p className="fm-reason">
              <ReasonLine reason={reason} track={{ genre: null, artists: track.artists }} />
              <WhyButton trackId={track.id} title={track.title} />
            </p>
          ) : null}
          <div className="fm-controls">
            <button
              type="button"
              className="fm-play"
              onClick={onPlay}
              disabled={state.loading && !track}
              aria-label={
                playing ? t('recommend.fm.pause') : track ? t('recommend.fm.play') : t('recommend.fm.start')
              }
              data-testid="fm-play"
            >
              {playing ? <PauseIcon /> : <PlayIcon />}
            </button>
            {track ? (
              <>
                <LikeButton trackId={track.id} className="fm-button" />
                <button
                  type="button"
                  className="icon-btn fm-button"
                  onClick={() => void onTrash()}
                  aria-label={t('recommend.fm.trash')}
                  title={t('recommend.fm.trash')}
                  data-testid="fm-trash"
                >
                  <TrashIcon />
                </button>
                <button
                  type="button"
                  className="icon-btn fm-button"
                  onClick={() => void session.skip()}
                  aria-label={t('recommend.fm.next')}
                  title={t('recommend.fm.next')}
                  data-testid="fm-next"
                >
                  <NextIcon />
                </button>
              </>
            ) : null}
          </div>
          <FmModeSwitch value={mode} onChange={onMode} />
          <FmStatus
            loading={state.loading}
            failed={state.error !== null}
            empty={state.exhausted}
            onRetry={() => session.retry()}
          />
        </div>
      </div>
      {toast ? <Toast message={toast} onDone={() => setToast(null)} /> : null}
    </div>
  );
}

function FmStatus({
  loading,
  failed,
  empty,
  onRetry,
}: {
  loading: boolean;
  failed: boolean;
  empty: boolean;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (failed) {
    return (
      <p className="fm-status" role="alert">
        {t('recommend.fm.failed')}{' '}
        <button type="button" className="btn" onClick={onRetry}>
          <RefreshIcon /> {t('recommend.fm.retry')}
        </button>
      </p>
    );
  }
  if (empty) return <p className="fm-status muted">{t('recommend.fm.empty')}</p>;
  if (loading) return <p className="fm-status muted">{t('recommend.fm.loading')}</p>;
  return null;
}
