import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DiagnosticsScreen } from '../diagnostics/DiagnosticsScreen';
import { ManagerScreen } from '../manager/ManagerScreen';
import { ManagerSessionProvider } from '../manager/session';
import { ReturnScreen } from '../return/ReturnScreen';
import { PastSalesScreen } from '../past-sales/PastSalesScreen';
import { SaleScreen } from '../sale/SaleScreen';
import { StatusBar } from '../status/StatusBar';
import { Navigation } from './Navigation';
import { TrainingBanner } from './TrainingBanner';
import { useScreenKeys, type ScreenId } from './screens';

/** The till: a header with the screens, in training mode its banner, the current screen, and the status bar. */
export function App() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<ScreenId>('sale');
  const [receiptCode, setReceiptCode] = useState<string | null>(null);
  useScreenKeys(setScreen);

  return (
    <ManagerSessionProvider>
      <div className="app">
        <header className="topbar">
          <p className="brand">
            <span className="brand__mark" aria-hidden="true">
              VT
            </span>
            {t('screens.app.brand')}
          </p>
          <Navigation current={screen} onScreen={setScreen} />
        </header>
        <TrainingBanner />
        <main className="screen">
          {screen === 'sale' ? (
            <SaleScreen
              receiptCode={receiptCode}
              onReceipt={setReceiptCode}
              onNewSale={() => {
                setReceiptCode(null);
              }}
            />
          ) : null}
          {screen === 'manager' ? <ManagerScreen /> : null}
          {screen === 'diagnostics' ? <DiagnosticsScreen /> : null}
          {screen === 'return' ? <ReturnScreen /> : null}
          {screen === 'sales' ? <PastSalesScreen /> : null}
        </main>
        <StatusBar />
      </div>
    </ManagerSessionProvider>
  );
}
