import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { checkWords, quoted } from '../../src-shared/i18n';
import type { TillOutput } from '../../src-shared/till';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { DiagnosticsScreen } from './DiagnosticsScreen';

type Report = TillOutput<'diagnostics/run'>;

const CONFIG_PATH = '/etc/voucher-till/config.json';
const NEXT_STEP = `Start the voucher engine or check engineUrl in ${CONFIG_PATH}; the till keeps selling offline meanwhile.`;
const UNREACHABLE = checkWords('skip_engine_unreachable');

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
    { name: 'config', verdict: 'ok', detail: quoted('valid'), nextStep: null },
    { name: 'data_directory', verdict: 'ok', detail: quoted('writable'), nextStep: null },
    { name: 'local_database', verdict: 'ok', detail: quoted('integrity ok'), nextStep: null },
    {
      name: 'engine_reachability',
      verdict: 'fail',
      detail: quoted('the engine cannot be reached'),
      nextStep: checkWords('engine_start', { settings: 'engineUrl', path: CONFIG_PATH }),
    },
    { name: 'terminal_credentials', verdict: 'skipped', detail: UNREACHABLE, nextStep: null },
    {
      name: 'store_and_terminal',
      verdict: 'skipped',
      detail: checkWords('store_not_checked', { chain: 1, store: 'S001', why: UNREACHABLE }),
      nextStep: null,
    },
    { name: 'clock_skew', verdict: 'skipped', detail: UNREACHABLE, nextStep: null },
  ],
};

function renderReport(report: Report, language: 'en' | 'nl' = 'en') {
  const till = createFakeTill({ status: { language } });
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

  it('shows a cache filled once with when and how long ago', async () => {
    const at = new Date(Date.now() - 7 * 60_000).toISOString();
    renderReport({ ...REPORT, honourCacheUpdatedAt: at });
    await screen.findByText(REPORT.databasePath);
    expect(screen.getByText('Honour cache updated').nextElementSibling).toHaveTextContent(
      '(7 min ago)',
    );
  });
});

describe('the diagnostics screen in Dutch', () => {
  it('says its headings, verdicts, the checks the till core ran and their next steps in Dutch', async () => {
    renderReport(REPORT, 'nl');
    expect(await screen.findByRole('heading', { name: 'Diagnose' })).toBeInTheDocument();
    const checks = screen.getByRole('table', { name: 'Controles' });
    const engine = await within(checks).findByRole('row', {
      name: /bereikbaarheid voucherserver/,
    });
    expect(within(engine).getByText('Mislukt')).toBeInTheDocument();
    expect(engine).toHaveTextContent(
      `Volgende stap: Start de voucherserver of controleer engineUrl in ${CONFIG_PATH}; de kassa verkoopt intussen offline door.`,
    );
    const store = within(checks).getByRole('row', { name: /winkel en kassa/ });
    expect(within(store).getByText('Overgeslagen')).toBeInTheDocument();
    expect(store).toHaveTextContent(
      'keten 1, winkel S001 kon niet bij de voucherserver worden gecontroleerd: de voucherserver is niet bereikbaar',
    );
    expect(
      screen.getByText('1 van 7 controles mislukt. 3 konden niet worden uitgevoerd.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Wachtende verkopen').nextElementSibling).toHaveTextContent('3');
    expect(screen.getByText('Grootte database').nextElementSibling).toHaveTextContent('4 kB');
    expect(screen.getByText('Honour-cache bijgewerkt').nextElementSibling).toHaveTextContent(
      'nooit',
    );
    expect(screen.getByRole('button', { name: 'Controles opnieuw uitvoeren' })).toBeEnabled();
    expect(screen.getByRole('table', { name: 'Configuratie' })).toBeInTheDocument();
  });
});
