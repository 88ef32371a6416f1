import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TillOutput } from '../../src-shared/till';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { DiagnosticsScreen } from './DiagnosticsScreen';

type Report = TillOutput<'diagnostics/run'>;

const NEXT_STEP =
  'Start the voucher engine or check engineUrl in /etc/voucher-till/config.json; the till keeps selling offline meanwhile.';

const REPORT: Report = {
  version: '0.1.0',
  config: { storeCode: 'S001', 'terminalCredentials.password': '***' },
  databasePath: '/var/lib/voucher-till/till.sqlite',
  databaseBytes: 4096,
  salesWaiting: 3,
  conflictsOpen: 1,
  honourCacheUpdatedAt: null,
  logPath: 'standard output',
  checks: [
    { name: 'config', verdict: 'ok', detail: 'valid', nextStep: null },
    { name: 'data directory', verdict: 'ok', detail: 'writable', nextStep: null },
    { name: 'local database', verdict: 'ok', detail: 'integrity ok', nextStep: null },
    {
      name: 'engine reachability',
      verdict: 'fail',
      detail: 'the engine cannot be reached',
      nextStep: NEXT_STEP,
    },
    {
      name: 'terminal credentials',
      verdict: 'skipped',
      detail: 'the engine is not reachable',
      nextStep: null,
    },
    {
      name: 'store and terminal',
      verdict: 'skipped',
      detail: 'chain 1, store S001 could not be checked against the engine',
      nextStep: null,
    },
    {
      name: 'clock skew',
      verdict: 'skipped',
      detail: 'the engine is not reachable',
      nextStep: null,
    },
  ],
};

function renderReport(report: Report) {
  const till = createFakeTill();
  renderWithTill(<DiagnosticsScreen />, {
    ...till.client,
    'diagnostics/run': () => Promise.resolve({ ok: true, value: report }),
  });
}

describe('the diagnostics screen', () => {
  it('shows a skipped check as skipped with its reason, and counts only the failed one as failed', async () => {
    renderReport(REPORT);
    const checks = screen.getByRole('table', { name: 'Checks' });
    const skew = await within(checks).findByRole('row', { name: /clock skew/ });
    expect(within(skew).getByText('Skipped')).toBeInTheDocument();
    expect(skew).toHaveTextContent('the engine is not reachable');
    expect(within(checks).getAllByText('Failed')).toHaveLength(1);
    expect(screen.getByText('1 of 7 checks failed. 3 could not run.')).toBeInTheDocument();
  });

  it('shows the next step under a failed check, and none under the checks that did not fail', async () => {
    renderReport(REPORT);
    const checks = screen.getByRole('table', { name: 'Checks' });
    const engine = await within(checks).findByRole('row', { name: /engine reachability/ });
    expect(engine).toHaveTextContent(`the engine cannot be reachedNext step: ${NEXT_STEP}`);
    expect(within(checks).getAllByText('Next step:')).toHaveLength(1);
  });

  it('states the outbox and conflict counts from the local database', async () => {
    renderReport(REPORT);
    expect(await screen.findByText(REPORT.databasePath)).toBeInTheDocument();
    expect(screen.getByText('Sales waiting').nextElementSibling).toHaveTextContent('3');
    expect(screen.getByText('Open conflicts').nextElementSibling).toHaveTextContent('1');
    expect(screen.getByText('Honour cache updated').nextElementSibling).toHaveTextContent('never');
  });

  it('says every check passed when none failed, warned or was skipped', async () => {
    renderReport({
      ...REPORT,
      checks: REPORT.checks.map((check) => ({ ...check, verdict: 'ok' as const, nextStep: null })),
    });
    expect(await screen.findByText('All 7 checks passed.')).toBeInTheDocument();
  });
});
