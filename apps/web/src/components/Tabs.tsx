import './tabs.css';

/** A row of tabs (the choice usually lives in the URL); the panel below is the caller's. */
export function Tabs<K extends string>({
  value,
  options,
  label,
  labelOf,
  onChange,
  testIdPrefix,
}: {
  value: K;
  options: readonly K[];
  label: string;
  labelOf: (option: K) => string;
  onChange: (option: K) => void;
  testIdPrefix?: string;
}) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          role="tab"
          aria-selected={option === value}
          className={`tab ${option === value ? 'is-active' : ''}`}
          onClick={() => onChange(option)}
          data-testid={testIdPrefix ? `${testIdPrefix}-${option}` : undefined}
        >
          {labelOf(option)}
        </button>
      ))}
    </div>
  );
}
