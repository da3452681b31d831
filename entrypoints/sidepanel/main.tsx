import { PanelApp } from '@/components/PanelApp';
import { renderInChosenLanguage } from '@/lib/panel/language-root';
import { tabIdFromLocation } from '@/lib/panel/use-inspected-page';

renderInChosenLanguage(document.getElementById('app')!, () => (
  <PanelApp fixedTabId={tabIdFromLocation(location.search)} />
));
