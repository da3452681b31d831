import { PatrolApp } from '@/components/patrol/PatrolApp';
import { t } from '@/lib/i18n';
import { renderInChosenLanguage } from '@/lib/panel/language-root';

renderInChosenLanguage(document.getElementById('app')!, () => {
  document.title = t('patrolTitle');
  return <PatrolApp />;
});
