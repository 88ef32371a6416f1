import type { ReactNode } from 'react';

/** One panel of the Manager screen: its heading, what stands beside it, then its content. */
export function Panel({
  id,
  heading,
  bar,
  children,
}: {
  /** Names the heading's element: `<id>-heading`. */
  readonly id: string;
  readonly heading: string;
  readonly bar?: ReactNode;
  readonly children: ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <div className="panel__bar">
        <h2 id={`${id}-heading`} className="panel__heading">
          {heading}
        </h2>
        {bar}
      </div>
      {children}
    </section>
  );
}
