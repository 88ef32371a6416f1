import type { TillOutput } from '../../src-shared/till';

type Check = TillOutput<'diagnostics/run'>['checks'][number];

const VERDICTS: Readonly<Record<Check['verdict'], string>> = {
  ok: 'OK',
  warn: 'Warning',
  fail: 'Failed',
  skipped: 'Skipped',
};

/**
 * One row per check, its verdict as a coloured badge with the word on it; a skipped check says why,
 * and a failed one (or a warning that has one) what IT does next, under its detail.
 */
export function ChecksTable({ checks }: { readonly checks: readonly Check[] | undefined }) {
  return (
    <div className="table-frame">
      <table className="table" aria-label="Checks">
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Result</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {checks === undefined ? (
            <tr className="table__placeholder">
              <td colSpan={3}>Running the checks…</td>
            </tr>
          ) : (
            checks.map((check) => (
              <tr key={check.name}>
                <td className="check__name">{check.name}</td>
                <td>
                  <span className={`verdict verdict--${check.verdict}`}>
                    {VERDICTS[check.verdict]}
                  </span>
                </td>
                <td className="check__detail">
                  {check.detail}
                  {check.nextStep === null ? null : (
                    <p className="check__next-step">
                      <strong>Next step:</strong> {check.nextStep}
                    </p>
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
