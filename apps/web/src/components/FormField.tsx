import type { ReactNode } from 'react';

interface FieldProps {
  label: string;
  /** why the value was turned down (by the server or a check in the form), shown under the control */
  error?: string;
}

/**
 * A form control with its label above it and, when there is one, its error below. The label wraps
 * the control, so clicking the label text focuses it without an id to keep in step.
 */
export function FormField({ label, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {error ? <span className="field-error">{error}</span> : null}
    </label>
  );
}

/** What both text controls take: the text, and the few input attributes the forms use. */
interface TextControlProps extends FieldProps {
  name: string;
  value: string;
  /** gets the new text */
  onChange: (value: string) => void;
  maxLength?: number;
  placeholder?: string;
  required?: boolean;
  autoFocus?: boolean;
  autoComplete?: string;
  autoCapitalize?: string;
  'aria-invalid'?: boolean;
}

interface TextFieldProps extends TextControlProps {
  /** e.g. password; a plain text input without one */
  type?: string;
}

/** A labelled one-line text input. */
export function TextField({ label, error, onChange, ...input }: TextFieldProps) {
  return (
    <FormField label={label} error={error}>
      <input className="input" {...input} onChange={(event) => onChange(event.target.value)} />
    </FormField>
  );
}

/** A labelled text box of several lines. */
export function TextAreaField({ label, error, onChange, ...textarea }: TextControlProps) {
  return (
    <FormField label={label} error={error}>
      <textarea className="input" {...textarea} onChange={(event) => onChange(event.target.value)} />
    </FormField>
  );
}
