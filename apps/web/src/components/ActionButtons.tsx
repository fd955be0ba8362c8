/** One button in a row of actions. */
export interface ActionChoice<Action extends string> {
  action: Action;
  label: string;
  /** names the button for the browser tests */
  testId: string;
  /** the action the row suggests: its button also gets btn-primary */
  primary?: boolean;
}

interface ActionButtonsProps<Action extends string> {
  choices: readonly ActionChoice<Action>[];
  /** the class of every button */
  className: string;
  onPick: (action: Action) => void;
}

/**
 * A button for each choice, in order. A button only says which action was picked: the caller
 * opens what that action needs (usually a dialog to confirm it), so none of them submits a form.
 */
export function ActionButtons<Action extends string>({
  choices,
  className,
  onPick,
}: ActionButtonsProps<Action>) {
  return (
    <>
      {choices.map((choice) => (
        <button
          key={choice.action}
          type="button"
          className={choice.primary ? `${className} btn-primary` : className}
          onClick={() => onPick(choice.action)}
          data-testid={choice.testId}
        >
          {choice.label}
        </button>
      ))}
    </>
  );
}
