import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { DiscIcon, MicIcon, NoteIcon, SearchIcon, UserIcon } from '../../components/icons.tsx';
import type { Suggestion } from '../../lib/api-types.ts';
import { useSuggestions } from './search-queries.ts';
import { useDebouncedValue } from './use-debounced-value.ts';
import { usePlayTrackById } from './use-play-track-by-id.ts';
import './search-box.css';

const KIND_ICONS = { track: NoteIcon, album: DiscIcon, artist: MicIcon, user: UserIcon } as const;

/**
 * The one search box: suggestions while typing (debounced), arrows to pick one, Enter to open
 * it or to see all results.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const playTrack = usePlayTrackById();
  const initial =
    location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const debounced = useDebouncedValue(text, 150);
  const suggestions = useSuggestions(debounced);
  const items = text.trim() && suggestions.data ? suggestions.data : [];
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const showList = open && text.trim().length > 0 && items.length > 0;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const choose = (item: Suggestion) => {
    close();
    input.current?.blur();
    if (item.kind === 'album') navigate(`/albums/${item.id}`);
    else if (item.kind === 'artist') navigate(`/artists/${item.id}`);
    else if (item.kind === 'user') navigate(`/search?${new URLSearchParams({ q: item.text, type: 'user' })}`);
    else void playTrack(item.id, 'now');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = active >= 0 ? items[active] : undefined;
    if (chosen) {
      choose(chosen);
      return;
    }
    const q = text.trim();
    if (!q) return;
    close();
    input.current?.blur();
    navigate(`/search?${new URLSearchParams({ q })}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (items.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const by = event.key === 'ArrowDown' ? 1 : -1;
      // -1 is the text box itself: the selection wraps through it.
      setActive((i) => {
        const next = i + by;
        if (next >= items.length) return -1;
        if (next < -1) return items.length - 1;
        return next;
      });
    } else if (event.key === 'Escape') {
      close();
    }
  };

  return (
    <form className="search-box" role="search" onSubmit={submit}>
      <SearchIcon className="icon search-icon" />
      <input
        ref={input}
        className="search-input"
        type="search"
        name="q"
        value={text}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        enterKeyHint="search"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={close}
        onKeyDown={onKeyDown}
        data-testid="search-input"
      />
      {showList ? (
        <ul className="suggestions" id={listId} role="listbox" aria-label={t('search.suggestions')}>
          {items.map((item, index) => {
            const Icon = KIND_ICONS[item.kind];
            return (
              <li
                key={`${item.kind}-${item.id}`}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={`suggestion ${index === active ? 'is-active' : ''}`}
                // mousedown, not click: the input's blur would close the list first
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(item);
                }}
                onMouseEnter={() => setActive(index)}
                data-testid="suggestion"
                data-kind={item.kind}
              >
                <Icon />
                <span className="suggestion-text">{item.text}</span>
                {item.subtitle ? <span className="suggestion-sub">{item.subtitle}</span> : null}
                <span className="suggestion-kind">{t(`search.kind.${item.kind}`)}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </form>
  );
}
