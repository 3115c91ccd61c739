import { useId, useState, type FormEvent } from 'react';

interface Props {
  label: string;
  secret?: boolean;
  submitLabel: string;
  clearLabel: string;
  eraseLabel: string;
  maxLength: number;
  /** A barcode scanner types digits then Enter into the focused field: that works too. */
  onSubmit(value: string): void;
  disabled?: boolean;
}

/** A large on-screen keypad bound to a real input, so scanners, keyboards and touch all work. */
export function Keypad({
  label,
  secret,
  submitLabel,
  clearLabel,
  eraseLabel,
  maxLength,
  onSubmit,
  disabled,
}: Props) {
  const [value, setValue] = useState('');
  const id = useId();
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (value.length === 0 || disabled) return;
    onSubmit(value);
    setValue('');
  };
  const press = (digit: string) => setValue((v) => (v.length < maxLength ? v + digit : v));
  return (
    <form className="keypad" onSubmit={submit}>
      <label htmlFor={id} className="keypad-label">
        {label}
      </label>
      <input
        id={id}
        className="keypad-field"
        type={secret ? 'password' : 'text'}
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        value={value}
        maxLength={maxLength}
        onChange={(e) => setValue(e.target.value.replace(/\D/g, '').slice(0, maxLength))}
      />
      <div className="keypad-keys">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button key={d} type="button" className="key" onClick={() => press(d)}>
            {d}
          </button>
        ))}
        <button type="button" className="key key-aux" onClick={() => setValue('')} aria-label={clearLabel}>
          C
        </button>
        <button type="button" className="key" onClick={() => press('0')}>
          0
        </button>
        <button
          type="button"
          className="key key-aux"
          onClick={() => setValue((v) => v.slice(0, -1))}
          aria-label={eraseLabel}
        >
          ⌫
        </button>
      </div>
      <button type="submit" className="primary" disabled={disabled || value.length === 0}>
        {submitLabel}
      </button>
    </form>
  );
}
