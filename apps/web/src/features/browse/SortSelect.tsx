import { useTranslation } from 'react-i18next';

/** A small select for a list's order; the choice lives in the URL (`?sort=`). */
export function SortSelect<S extends string>({
  value,
  options,
  onChange,
}: {
  value: S;
  options: readonly S[];
  onChange: (value: S) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="sort-select">
      <span className="visually-hidden">{t('sort.label')}</span>
      <select
        className="input"
        value={value}
        onChange={(e) => {
          const next = options.find((option) => option === e.target.value);
          if (next) onChange(next);
        }}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {t(`sort.${option}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Reads `?sort=` when it is one of the options. */
export function sortFrom<S extends string>(params: URLSearchParams, options: readonly S[], fallback: S): S {
  const value = params.get('sort');
  return options.find((option) => option === value) ?? fallback;
}
