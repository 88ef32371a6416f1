/**
 * The till's words in English, the source every other language translates. `screens` is what
 * the till's windows say; `messages` is what the till core tells the cashier, by stable code,
 * each as what happened (`what`) and what to do next (`next`). Plurals use the `_one` and
 * `_other` suffixes; `{{amount, money}}` formats minor units in the till's currency and locale,
 * `{{at, clock}}` an instant as the time of day.
 */
export const en = {
  screens: {
    app: {
      brand: 'voucher-till',
    },
  },
  messages: {},
} as const;
