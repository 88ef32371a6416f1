import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTillClient } from '../client';
import { statusQuery } from '../status/queries';

/**
 * On every screen of a till in training mode, between the navigation and the screen: practice
 * only, nothing is real. Nothing at all on a real till.
 */
export function TrainingBanner() {
  const { t } = useTranslation();
  const client = useTillClient();
  const { data: status } = useQuery(statusQuery(client));
  if (status?.trainingMode !== true) return null;
  return (
    <aside className="training-banner" aria-label={t('screens.app.training.region')}>
      <p className="training-banner__title">{t('screens.app.training.banner')}</p>
      <p className="training-banner__detail">{t('screens.app.training.detail')}</p>
    </aside>
  );
}
