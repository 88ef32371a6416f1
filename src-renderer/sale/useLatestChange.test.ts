import { describe, expect, it } from 'vitest';
import { findLatestChange, type Tracking } from './useLatestChange';

interface Item {
  readonly id: string;
  readonly name: string;
  readonly quantity: number;
}

const tracking: Tracking<Item> = {
  key: (item) => item.id,
  count: (item) => item.quantity,
  describe: (item, added) =>
    added ? `Added ${item.name}` : `${item.name}, quantity ${item.quantity}`,
};

const beans = { id: 'l1', name: 'Coffee beans 1 kg', quantity: 1 };
const milk = { id: 'l2', name: 'Whole milk 1 L', quantity: 1 };

describe('findLatestChange', () => {
  it('names a line that is new', () => {
    expect(findLatestChange([beans], [beans, milk], tracking)).toEqual({
      key: 'l2',
      announcement: 'Added Whole milk 1 L',
    });
  });

  it('names a line whose quantity went up', () => {
    expect(findLatestChange([beans, milk], [{ ...beans, quantity: 2 }, milk], tracking)).toEqual({
      key: 'l1',
      announcement: 'Coffee beans 1 kg, quantity 2',
    });
  });

  it('finds nothing when a line went down or came off', () => {
    expect(findLatestChange([{ ...beans, quantity: 2 }, milk], [beans], tracking)).toBeNull();
  });
});
