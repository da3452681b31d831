// @vitest-environment happy-dom
/**
 * A storage read that fails is shown as a failure — the findings list must not look like an empty audit. The same
 * list over a readable (empty) database says 0 findings, so the test tells the two apart.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseCatalogue } from '@/lib/i18n';
import en from '@/public/_locales/en/messages.json';
import { luoyuan2017 } from '@/seeds/index';

const failing = vi.hoisted(() => ({ on: false }));
vi.mock('@/lib/storage/findings-query', async (original) => {
  const real = await original<typeof import('@/lib/storage/findings-query')>();
  return {
    ...real,
    queryFindings: (...args: Parameters<typeof real.queryFindings>) =>
      failing.on ? Promise.reject(new Error('disk I/O error')) : real.queryFindings(...args),
  };
});

const { FindingsList } = await import('./FindingsList');

let container: HTMLElement;
beforeEach(() => {
  chooseCatalogue('en', en);
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function showList(): void {
  render(<FindingsList auditId="no-such-audit" auditName="A" plan={luoyuan2017} />, container);
}

describe('findings list over storage', () => {
  it('shows a failed read as a storage failure, not as an empty list', async () => {
    failing.on = true;
    showList();
    await vi.waitFor(() => expect(container.querySelector('[role="alert"]')).not.toBeNull());
    expect(container.querySelector('[role="alert"]')!.textContent).toContain('disk I/O error');
    expect(container.querySelector('h2')!.textContent).toBe('Findings');
    expect(container.textContent).not.toContain('Findings (0)');
  });

  it('shows an empty audit as 0 findings, with no alert', async () => {
    failing.on = false;
    showList();
    await vi.waitFor(() => expect(container.querySelector('h2')!.textContent).toBe('Findings (0)'));
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });
});
