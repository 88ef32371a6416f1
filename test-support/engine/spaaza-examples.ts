/**
 * Spaaza's public basket and voucher examples (its Postman collection), rebuilt as our own
 * fixtures: each keeps the example's name, method, path, body type and the fields it sends, in
 * the form it sends them (numbers as text in form bodies, as JSON numbers in basket documents).
 * The collection's placeholders, and the ids of its sample retailer, are filled in from
 * the state the replay seeds for each example (see spaaza-example-state.ts).
 *
 * The stored copy of the collection we read showed the body type of create-voucher,
 * lock-voucher and delete-voucher (form-encoded); the voucher calls it did not show are sent as
 * multipart/form-data, which Spaaza documents for its voucher calls alongside form-encoding.
 */

/** What the replay seeds before an example, fresh for each run of it. */
export interface ExampleState {
  readonly chainId: number;
  readonly storeCode: string;
  /** The campaign the examples call the base loyalty campaign. */
  readonly campaignId: number;
  readonly member: {
    readonly memberNumber: string;
    readonly userId: number;
    readonly username: string;
    readonly authenticationPointIdentifier: string;
  };
  /** The example's own voucher, in the state its `needs` asks for. */
  readonly voucher: { readonly key: string; readonly id: number } | null;
  /** A basket code no basket uses yet (Spaaza's `order_number_{{$timestamp}}`). */
  readonly basketCode: string;
  /** The stored basket the example refers to (the purchase returned, the basket claimed). */
  readonly storedBasket: { readonly code: string; readonly itemCode: string } | null;
}

/** The state an example needs: its voucher, and an earlier basket. */
export interface ExampleNeeds {
  /** `locked` is claimed and held for another basket. */
  readonly voucher?: {
    readonly status: 'generated' | 'claimed' | 'locked';
    readonly amount: number;
  };
  /** A member's purchase the example returns a line of, or an anonymous basket it claims. */
  readonly storedBasket?: 'member-purchase' | 'anonymous';
}

export type ExampleBody =
  | { readonly type: 'none' }
  | { readonly type: 'form'; readonly fields: Readonly<Record<string, string>> }
  | { readonly type: 'multipart'; readonly fields: Readonly<Record<string, string>> }
  | { readonly type: 'json'; readonly document: unknown };

export interface ExampleRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: ExampleBody;
}

export interface SpaazaExample {
  /** As the collection names the request. */
  readonly name: string;
  readonly needs: ExampleNeeds;
  readonly request: (state: ExampleState) => ExampleRequest;
}

/** Every request of these examples carries this version header, as the collection's environment pins it. */
export const EXAMPLE_API_VERSION = '1.6.3';

const NO_QUERY: Readonly<Record<string, string>> = {};

const voucherOf = (state: ExampleState) => {
  if (state.voucher === null) throw new Error('this example needs a voucher in its state');
  return state.voucher;
};

const storedBasketOf = (state: ExampleState) => {
  if (state.storedBasket === null) throw new Error('this example needs a stored basket');
  return state.storedBasket;
};

const post = (path: string, document: unknown): ExampleRequest => ({
  method: 'POST',
  path,
  query: NO_QUERY,
  body: { type: 'json', document },
});

const formCall = (
  method: ExampleRequest['method'],
  path: string,
  type: 'form' | 'multipart',
  fields: Record<string, string>,
): ExampleRequest => ({ method, path, query: NO_QUERY, body: { type, fields } });

const query = (path: string, fields: Record<string, string>): ExampleRequest => ({
  method: 'GET',
  path,
  query: fields,
  body: { type: 'none' },
});

const chainEntity = (state: ExampleState) => ({ entity_type: 'chain', entity_id: state.chainId });

const staffEntity = (state: ExampleState) => ({
  ...chainEntity(state),
  branch_business_owner_code: state.storeCode,
  employee_code: '0012089',
  employee_name: 'JOCHEMS',
});

const memberUser = (state: ExampleState, programme: string) => ({
  member_programme: programme,
  member_number: state.member.memberNumber,
});

const EUR = { currency_code: 'EUR' };

const basketExamples: readonly SpaazaExample[] = [
  {
    name: 'get-basket-price',
    needs: {},
    request: (state) =>
      post('/auth/get-basket-price', {
        entity: staffEntity(state),
        user: memberUser(state, 'spaaza'),
        basket: {
          basket_platform_type: 'in_store',
          retailer_basket_code: state.basketCode,
          basket_total_price: 210,
          basket_timestamp_iso8601: '2024-09-28T14:07:14Z',
          basket_timezone_name: 'Europe/Amsterdam',
          shipping_charge: 0,
          payment_methods: [],
          basket_currency: EUR,
          basket_tax: [{ tax_rate: 0.21, tax_total: 36.45 }],
          basket_items: [
            {
              retailer_item_code: 'line_1',
              item_barcode: '8755065949331',
              item_type: 'product',
              item_quantity: 10.5,
              item_quantity_unit: 'kg',
              item_price: 20,
              item_original_price: 20,
              item_subtotal: 210,
            },
          ],
        },
      }),
  },
  {
    name: 'add-basket minimum',
    needs: {},
    request: (state) =>
      post('/auth/add-basket', {
        entity: chainEntity(state),
        user: memberUser(state, 'Spaaza'),
        basket: {
          basket_platform_type: 'in_store',
          retailer_basket_code: state.basketCode,
          basket_total_price: 20.5,
          basket_currency: EUR,
          basket_items: [
            {
              item_barcode: '8718299435640',
              item_quantity: 1,
              item_price: 20.5,
              item_original_price: 20.5,
            },
          ],
        },
      }),
  },
  {
    name: 'add-basket and create product record',
    needs: {},
    request: (state) =>
      post('/auth/add-basket', {
        entity: staffEntity(state),
        user: memberUser(state, 'Spaaza'),
        basket: {
          basket_platform_type: 'in_store',
          retailer_basket_code: state.basketCode,
          basket_total_price: 100,
          basket_timestamp_iso8601: '2021-04-28T14:07:14Z',
          basket_timezone_name: 'Europe/Amsterdam',
          basket_notes: 'Any notes go here',
          shipping_charge: 0,
          payment_methods: [
            { payment_method: 'cash', payment_amount: 19.99 },
            { payment_method: 'mastercard', payment_amount: 80.01 },
          ],
          basket_currency: EUR,
          basket_tax: [{ tax_rate: 0.21, tax_total: 21 }],
          basket_items: [
            {
              retailer_item_code: 'line_item_01',
              item_barcode: '8718299435640',
              retailer_product_code: 'iou342oi',
              item_name: "Men's Merino Aran Jumper",
              item_description: 'A cable-knit jumper in the Aran style.',
              item_colour: 'White',
              item_gender: 'M',
              item_brand: 'Aran Jumpers ltd',
              item_size: 'L',
              item_season: 'Winter',
              item_category: 'Clothing > Tops > Jumpers > Aran Jumper',
              item_image_url: 'www.example.com/image.jpg',
              item_type: 'product',
              item_quantity: 5,
              item_price: 20,
              item_subtotal: 100,
            },
          ],
        },
      }),
  },
  {
    name: 'add-basket and redeem voucher',
    needs: { voucher: { status: 'claimed', amount: 1000 } },
    request: (state) =>
      post('/auth/add-basket', {
        entity: staffEntity(state),
        user: memberUser(state, 'Spaaza'),
        basket: {
          basket_platform_type: 'in_store',
          retailer_basket_code: state.basketCode,
          basket_total_price: 90,
          basket_notes: 'Any notes go here',
          shipping_charge: 0,
          payment_methods: [],
          basket_currency: EUR,
          basket_tax: [{ tax_rate: 0.21, tax_total: 21 }],
          basket_items: [
            {
              retailer_item_code: 'line_item_01',
              item_barcode: '8718299435640',
              item_type: 'product',
              item_quantity: 5,
              item_price: 20,
              item_subtotal: 100,
            },
          ],
          basket_vouchers: [{ voucher_key: voucherOf(state).key }],
        },
      }),
  },
  {
    name: 'add-basket simple inline return',
    needs: { storedBasket: 'member-purchase' },
    request: (state) =>
      post('/auth/add-basket', {
        entity: staffEntity(state),
        user: memberUser(state, 'Spaaza'),
        basket: {
          basket_platform_type: 'in_store',
          retailer_basket_code: state.basketCode,
          basket_total_price: -20,
          basket_timestamp_iso8601: '2021-04-28T15:07:14Z',
          basket_timezone_name: 'Europe/Amsterdam',
          basket_notes: 'Any notes go here',
          shipping_charge: 0,
          payment_methods: [],
          basket_currency: EUR,
          basket_tax: [{ tax_rate: 0.21, tax_total: -2.1 }],
          basket_items: [
            {
              retailer_item_code: '1',
              item_barcode: '8718299435640',
              item_quantity: 2,
              item_price: -10,
              item_original_price: -10,
              return_item: true,
              original_retailer_basket_code: storedBasketOf(state).code,
              original_retailer_item_code: storedBasketOf(state).itemCode,
            },
          ],
        },
      }),
  },
  {
    name: 'ARTS POSLog add basket',
    needs: { voucher: { status: 'claimed', amount: 2500 } },
    request: (state) =>
      post('/auth/add-basket', {
        entity: staffEntity(state),
        user: memberUser(state, 'Spaaza'),
        basket: {
          basket_platform_type: 'in_store',
          retailer_basket_code: state.basketCode,
          basket_total_price: 75,
          basket_timestamp_iso8601: '2021-04-28T14:07:14Z',
          basket_timezone_name: 'Europe/Amsterdam',
          basket_currency: EUR,
          basket_items: [
            {
              retailer_item_code: 'line_item_01',
              item_barcode: '8718299435640',
              item_type: 'product',
              item_quantity: 5,
              item_price: 15,
              item_original_price: 20,
              item_subtotal: 75,
            },
          ],
          basket_vouchers: [{ voucher_key: voucherOf(state).key }],
        },
      }),
  },
  {
    name: 'claim-basket',
    needs: { storedBasket: 'anonymous' },
    request: (state) =>
      formCall('POST', '/auth/claim-basket', 'form', {
        chain_id: String(state.chainId),
        retailer_basket_code: storedBasketOf(state).code,
        member_number: state.member.memberNumber,
      }),
  },
  {
    name: 'get-receipts',
    needs: { storedBasket: 'member-purchase' },
    request: (state) =>
      query('/get-receipts', { chain_id: String(state.chainId), number_results: '20' }),
  },
];

const voucherExamples: readonly SpaazaExample[] = [
  {
    name: 'lock-voucher',
    needs: { voucher: { status: 'claimed', amount: 500 } },
    request: (state) =>
      formCall('PUT', '/lock-voucher', 'form', {
        voucher_key: voucherOf(state).key,
        retailer_basket_code: state.basketCode,
        voucher_lock_period: '300',
      }),
  },
  {
    name: 'unlock-voucher',
    needs: { voucher: { status: 'locked', amount: 500 } },
    request: (state) =>
      formCall('PUT', '/unlock-voucher', 'multipart', { voucher_key: voucherOf(state).key }),
  },
  {
    name: 'claim-voucher',
    needs: { voucher: { status: 'generated', amount: 500 } },
    request: (state) =>
      formCall('POST', '/claim-voucher', 'multipart', {
        chain_id: String(state.chainId),
        voucher_key: voucherOf(state).key,
        username: state.member.username,
      }),
  },
  {
    name: 'claim-vouchers',
    needs: { voucher: { status: 'generated', amount: 500 } },
    request: (state) =>
      post('/claim-vouchers', {
        entity: { chain_id: state.chainId },
        user: { user_id: state.member.userId },
        vouchers: [{ voucher_key: voucherOf(state).key }],
        locking: { retailer_basket_code: state.basketCode, voucher_lock_period: 3600 },
      }),
  },
  {
    name: 'unclaim-voucher',
    needs: { voucher: { status: 'claimed', amount: 500 } },
    request: (state) =>
      formCall('POST', '/unclaim-voucher', 'multipart', {
        chain_id: String(state.chainId),
        authentication_point_identifier: state.member.authenticationPointIdentifier,
        voucher_key: voucherOf(state).key,
      }),
  },
  {
    name: 'redeem-voucher',
    needs: { voucher: { status: 'claimed', amount: 1000 } },
    request: (state) =>
      formCall('POST', '/auth/redeem-voucher', 'multipart', {
        chain_id: String(state.chainId),
        voucher_id: String(voucherOf(state).id),
        user_id: String(state.member.userId),
        amount: '2',
      }),
  },
  {
    name: 'create-voucher',
    needs: {},
    request: (state) =>
      formCall('POST', '/create-voucher', 'form', {
        user_id: String(state.member.userId),
        campaign_id: String(state.campaignId),
        voucher_amount: '50.00',
        set_claimed: '1',
        voucher_text: 'Your voucher',
      }),
  },
  {
    name: 'expire-voucher',
    needs: { voucher: { status: 'claimed', amount: 500 } },
    request: (state) =>
      formCall('PUT', '/expire-voucher', 'multipart', {
        chain_id: String(state.chainId),
        voucher_key: voucherOf(state).key,
        user_id: String(state.member.userId),
      }),
  },
  {
    name: 'delete-voucher',
    needs: { voucher: { status: 'claimed', amount: 500 } },
    request: (state) =>
      formCall('DELETE', '/delete-voucher', 'form', {
        voucher_key: voucherOf(state).key,
        user_id: String(state.member.userId),
      }),
  },
  {
    name: 'get-vouchers',
    needs: { voucher: { status: 'claimed', amount: 500 } },
    request: (state) =>
      query('/get-vouchers', {
        chain_id: String(state.chainId),
        number_results: '10',
        results_offset: '0',
        show_all_statuses: 'true',
      }),
  },
  {
    name: 'get-user-vouchers',
    needs: { voucher: { status: 'claimed', amount: 500 } },
    request: (state) =>
      query('/get-user-vouchers', {
        chain_id: String(state.chainId),
        member_number: state.member.memberNumber,
      }),
  },
  {
    name: 'get-card',
    needs: { voucher: { status: 'claimed', amount: 500 } },
    request: (state) =>
      query('/get-card', {
        chain_id: String(state.chainId),
        member_number: state.member.memberNumber,
      }),
  },
];

export const SPAAZA_EXAMPLES: readonly SpaazaExample[] = [...basketExamples, ...voucherExamples];

/** A call's `result_type` is its name, the last part of its path. */
export function resultTypeOf(request: ExampleRequest): string {
  return request.path.slice(request.path.lastIndexOf('/') + 1);
}
