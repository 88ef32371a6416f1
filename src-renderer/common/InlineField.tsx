import type { InputHTMLAttributes } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'value' | 'onChange'>;

interface InlineFieldProps extends InputProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Classes the input takes beside `field__input`. */
  readonly inputClassName?: string;
}

/** A labelled text input of a filter or search form, its label beside it. */
export function InlineField({
  label,
  value,
  onChange,
  inputClassName,
  ...input
}: InlineFieldProps) {
  return (
    <label className="field field--inline">
      <span className="field__label">{label}</span>
      <input
        {...input}
        className={inputClassName === undefined ? 'field__input' : `field__input ${inputClassName}`}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </label>
  );
}
