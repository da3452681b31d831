import { render } from 'preact';
import { PanelApp } from '@/components/PanelApp';
import { tabIdFromLocation } from '@/lib/panel/use-inspected-page';

document.documentElement.lang = browser.i18n.getUILanguage().startsWith('zh') ? 'zh-CN' : 'en';
render(<PanelApp fixedTabId={tabIdFromLocation(location.search)} />, document.getElementById('app')!);
