import { OptionsApp } from '@/components/options/OptionsApp';
import { t } from '@/lib/i18n';
import { renderInChosenLanguage } from '@/lib/panel/language-root';

renderInChosenLanguage(document.getElementById('app')!, () => {
  document.title = t('optionsTitle');
  return <OptionsApp />;
});
