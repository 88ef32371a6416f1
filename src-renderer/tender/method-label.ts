import type { TFunction } from 'i18next';
import type { TenderKind } from '../../src-shared/till';

/** A way of paying in words: the catalogue's for cash and card, the store's own name for another. */
export function methodLabel(
  method: { readonly kind: TenderKind; readonly name: string | null },
  id: string,
  t: TFunction,
): string {
  switch (method.kind) {
    case 'cash':
      return t('screens.tender.methods.cash');
    case 'card':
      return t('screens.tender.methods.card');
    case 'other':
      return method.name ?? id;
  }
}
