/** The keys of a form's state that hold text. */
type TextKey<Form> = { [K in keyof Form]: Form[K] extends string ? K : never }[keyof Form] & string;

/**
 * Ties TextFields to a form kept as one state object: `field('bio')` gives the field its name,
 * value, error and onChange. The server names an invalid field by the key the form posted, so
 * one key finds both the value and its error.
 */
export function bindTextFields<Form extends object>(
  form: Form,
  setForm: (next: Form) => void,
  errors: Readonly<Record<string, string>>,
) {
  return (name: TextKey<Form>) => ({
    name,
    // TextKey admits only keys whose values are text; TypeScript cannot follow that through the index.
    value: form[name] as string,
    error: errors[name],
    onChange: (value: string) => setForm({ ...form, [name]: value }),
  });
}
