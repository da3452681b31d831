/** Opens the whole-site patrol page (巡检整个网站), started at the active audit's site when there is one. */
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';

export function PatrolLink({ origin }: { origin: string | null }) {
  const open = () =>
    void browser.tabs.create({
      url: browser.runtime.getURL('/patrol.html') + (origin ? `?start=${encodeURIComponent(`${origin}/`)}` : ''),
    });
  return (
    <button type="button" class="link" data-action="open-patrol" onClick={open}>
      {t('patrolOpen')}
    </button>
  );
}
