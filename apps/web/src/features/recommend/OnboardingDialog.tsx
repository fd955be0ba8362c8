import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Cover } from '../../components/Cover.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { Skeleton } from '../../components/StateViews.tsx';
import { useSaveTaste } from './recommend-mutations.ts';
import { useOnboardingChoices } from './recommend-queries.ts';
import type { Onboarding } from './recommend-types.ts';

/** Adds the value to the set, or takes it out. */
function toggled(set: ReadonlySet<string>, value: string): Set<string> {
  const next = new Set(set);
  if (!next.delete(value)) next.add(value);
  return next;
}

/** Genres and artists of this library to start from; saved as the taste's seeds. */
export function OnboardingDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const choices = useOnboardingChoices();
  const save = useSaveTaste();
  const [genres, setGenres] = useState<ReadonlySet<string>>(new Set());
  const [artists, setArtists] = useState<ReadonlySet<string>>(new Set());
  const count = genres.size + artists.size;

  const submit = () =>
    save.mutate({ genres: [...genres], artistIds: [...artists] }, { onSuccess: () => onClose() });

  return (
    <Dialog
      title={t('recommend.onboarding.title')}
      closeLabel={t('recommend.onboarding.cancel')}
      onClose={onClose}
      className="onboarding-dialog"
      footer={
        <>
          {save.isError ? (
            <span className="field-error" role="alert">
              {t('recommend.onboarding.failed')}
            </span>
          ) : (
            <span className="muted onboarding-count">{t('recommend.onboarding.selected', { count })}</span>
          )}
          <button type="button" className="btn" onClick={onClose}>
            {t('recommend.onboarding.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={submit}
            disabled={count === 0 || save.isPending}
            data-testid="onboarding-done"
          >
            {save.isPending ? t('recommend.onboarding.saving') : t('recommend.onboarding.done')}
          </button>
        </>
      }
    >
      <p className="dialog-message">{t('recommend.onboarding.hint')}</p>
      <QueryView query={choices} skeleton={<Skeleton height={160} />}>
        {(data) => (
          <Choices
            data={data}
            genres={genres}
            artists={artists}
            onGenre={(genre) => setGenres(toggled(genres, genre))}
            onArtist={(id) => setArtists(toggled(artists, id))}
          />
        )}
      </QueryView>
    </Dialog>
  );
}

interface ChoicesProps {
  data: Onboarding;
  genres: ReadonlySet<string>;
  artists: ReadonlySet<string>;
  onGenre: (genre: string) => void;
  onArtist: (id: string) => void;
}

function Choices({ data, genres, artists, onGenre, onArtist }: ChoicesProps) {
  const { t } = useTranslation();
  if (data.genres.length === 0 && data.artists.length === 0) {
    return <p className="muted">{t('recommend.onboarding.empty')}</p>;
  }
  return (
    <>
      {data.genres.length > 0 ? (
        <>
          <h3 className="onboarding-heading">{t('recommend.onboarding.genres')}</h3>
          <div className="onboarding-genres">
            {data.genres.map((choice) => (
              <button
                key={choice.genre}
                type="button"
                className={`onboarding-chip ${genres.has(choice.genre) ? 'is-on' : ''}`}
                aria-pressed={genres.has(choice.genre)}
                onClick={() => onGenre(choice.genre)}
                data-testid="genre-choice"
              >
                {choice.label}
                <span className="onboarding-chip-count">
                  {t('recommend.onboarding.songCount', { count: choice.trackCount })}
                </span>
              </button>
            ))}
          </div>
        </>
      ) : null}
      {data.artists.length > 0 ? (
        <>
          <h3 className="onboarding-heading">{t('recommend.onboarding.artists')}</h3>
          <div className="onboarding-artists">
            {data.artists.map((artist) => (
              <button
                key={artist.id}
                type="button"
                className={`onboarding-artist ${artists.has(artist.id) ? 'is-on' : ''}`}
                aria-pressed={artists.has(artist.id)}
                onClick={() => onArtist(artist.id)}
                data-testid="artist-choice"
              >
                <Cover url={artist.coverUrl} size={64} round />
                <span className="onboarding-artist-name">{artist.name}</span>
              </button>
            ))}
          </div>
        </>
      ) : null}
    </>
  );
}
