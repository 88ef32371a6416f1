/** The DOM side of the scanner: which elements take typed text, and putting one back as it was. */
export type TextField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url', 'password', 'number']);

export function isTextField(element: EventTarget | null): element is TextField {
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled;
  return (
    element instanceof HTMLInputElement &&
    TEXT_INPUT_TYPES.has(element.type) &&
    !element.readOnly &&
    !element.disabled
  );
}

export interface FieldSnapshot {
  readonly value: string;
  readonly selectionStart: number | null;
  readonly selectionEnd: number | null;
}

export function snapshotOf(field: TextField): FieldSnapshot {
  return {
    value: field.value,
    selectionStart: field.selectionStart,
    selectionEnd: field.selectionEnd,
  };
}

/**
 * Sets a field's value through the element's own setter and announces it with an `input`
 * event, so a React-controlled field updates its state as if the text had been typed.
 */
export function setValueAsTyped(field: TextField, value: string): void {
  const prototype =
    field instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Puts a field back as it was before a scanner burst typed into it. */
export function restoreField(field: TextField, snapshot: FieldSnapshot): void {
  setValueAsTyped(field, snapshot.value);
  if (snapshot.selectionStart !== null && snapshot.selectionEnd !== null) {
    try {
      field.setSelectionRange(snapshot.selectionStart, snapshot.selectionEnd);
    } catch {
      // number fields have no selection; their value is back, which is what matters
    }
  }
}

/** A modal dialog is open: keys belong to it, not to the sale behind. */
export function modalIsOpen(document: Document): boolean {
  return document.querySelector('dialog[open]') !== null;
}
