import { Fragment } from 'react';
import { Link } from 'react-router-dom';

/** "A / B" with each name linking to the artist's page. */
export function ArtistLinks({ artists }: { artists: readonly { id: string; name: string }[] }) {
  return (
    <>
      {artists.map((artist, i) => (
        <Fragment key={artist.id}>
          {i > 0 ? ' / ' : null}
          <Link to={`/artists/${artist.id}`} onClick={(e) => e.stopPropagation()}>
            {artist.name}
          </Link>
        </Fragment>
      ))}
    </>
  );
}
