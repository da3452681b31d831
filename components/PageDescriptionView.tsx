/**
 * Shows what the page reader found: identity, breadcrumb, guideline meta tags, frames and shadow roots (the parts it
 * could not read, by name). Text is page text: rendered as text only.
 */
import type { PageDescription } from '@/lib/page/page-description';
import type { ShadowReport } from '@/lib/snapshot/types';
import { t } from '@/lib/i18n';
import { PageText } from './PageText';

export function PageDescriptionView({ page }: { page: PageDescription & { shadowRoots?: ShadowReport } }) {
  const shadow = page.shadowRoots;
  const meta = Object.entries(page.metaTags);
  const crumb = page.breadcrumb;
  return (
    <div class="page-description">
      <dl class="fields">
        <dt>{t('fieldTitle')}</dt>
        <dd data-field="title">
          <PageText text={page.title} />
        </dd>
        <dt>{t('fieldUrl')}</dt>
        <dd data-field="url" class="url">
          {page.url}
        </dd>
        {page.heading && (
          <>
            <dt>{t('fieldHeading')}</dt>
            <dd data-field="heading">
              <PageText text={page.heading} />
            </dd>
          </>
        )}
        <dt>{t('fieldCharset')}</dt>
        <dd data-field="charset">{page.charset}</dd>
      </dl>

      <section aria-labelledby="crumb-h">
        <h2 id="crumb-h">{t('sectionBreadcrumb')}</h2>
        {crumb ? (
          <>
            <ol class="breadcrumb" data-field="breadcrumb">
              {crumb.segments.map((segment, i) => (
                <li key={i} data-segment={segment}>
                  <PageText text={segment} />
                </li>
              ))}
            </ol>
            <p class="hint" data-field="breadcrumb-source" data-source={crumb.source}>
              {crumb.source === 'prefix'
                ? t('breadcrumbSourcePrefix', crumb.prefix ?? '')
                : crumb.source === 'trs'
                  ? t('breadcrumbSourceTrs')
                  : crumb.source === 'markup'
                    ? t('breadcrumbSourceMarkup')
                    : t('breadcrumbSourceSeparator')}
            </p>
          </>
        ) : (
          <p class="empty" data-field="breadcrumb-none">
            {t('breadcrumbNone')}
          </p>
        )}
      </section>

      <section aria-labelledby="meta-h">
        <h2 id="meta-h">{t('sectionMeta')}</h2>
        {meta.length > 0 ? (
          <table class="meta" data-field="meta">
            <tbody>
              {meta.map(([name, content]) => (
                <tr key={name} data-meta={name}>
                  <th scope="row">{name}</th>
                  <td>
                    <PageText text={content} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty" data-field="meta-none">
            {t('metaNone')}
          </p>
        )}
      </section>

      {page.frames.total > 0 && (
        <section aria-labelledby="frames-h">
          <h2 id="frames-h">{t('sectionFrames')}</h2>
          <p data-field="frames">{t('framesSummary', [String(page.frames.total), String(page.frames.readable)])}</p>
          {page.frames.unreadable.map((src, i) => (
            <p key={i} class="warn">
              {t('framesUnreadable', src)}
            </p>
          ))}
        </section>
      )}

      {shadow && (shadow.read > 0 || shadow.unread.length > 0) && (
        <section aria-labelledby="shadow-h">
          <h2 id="shadow-h">{t('sectionShadowRoots')}</h2>
          {shadow.read > 0 && <p data-field="shadow-read">{t('shadowRootsRead', String(shadow.read))}</p>}
          {shadow.unread.map((host, i) => (
            <p key={i} class="warn" data-field="shadow-unread">
              {t('shadowRootsUnread', host)}
            </p>
          ))}
        </section>
      )}
    </div>
  );
}
