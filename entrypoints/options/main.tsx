import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';

document.documentElement.lang = browser.i18n.getUILanguage().startsWith('zh') ? 'zh-CN' : 'en';
document.title = browser.i18n.getMessage('optionsTitle');
render(<OptionsApp />, document.getElementById('app')!);
