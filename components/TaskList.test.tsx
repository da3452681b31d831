// @vitest-environment happy-dom
/**
 * The panel's task list says when the tasks it shows are only a guess: a column of a kind no task is about gets its
 * tasks under a line saying only their requirements mention it, while a column a task names gets none.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locationFromText } from '@/lib/engine/column';
import { matchLocation, noTaskReason } from '@/lib/engine/match-tasks';
import { chooseCatalogue } from '@/lib/i18n';
import en from '@/public/_locales/en/messages.json';
import { luoyuan2017 } from '@/seeds/index';
import { TaskList } from './TaskList';

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

function show(column: string): void {
  const location = locationFromText(column);
  const match = matchLocation(luoyuan2017, location);
  render(
    <TaskList plan={luoyuan2017} tasks={match.tasks} why={noTaskReason(match, location) ?? undefined} />,
    container,
  );
}

describe('task list', () => {
  it('says the tasks are tentative when only their requirements mention the kind of column', () => {
    show('重点领域信息公开 > 稳岗就业');
    const note = container.querySelector('[data-field="tasks-tentative"]');
    expect(note?.textContent).toContain('稳岗就业');
    expect(note?.textContent).toContain('only mention it in their requirements');
    expect(container.querySelectorAll('[data-task]').length).toBe(2);
  });

  it('shows a named task without that note', () => {
    show('财政预决算');
    expect(container.querySelector('[data-field="tasks-tentative"]')).toBeNull();
    expect(container.querySelector('[data-task-no="26"]')).not.toBeNull();
  });

  it('says why when there is no task at all', () => {
    show('人事信息');
    expect(container.querySelector('[data-field="tasks-none-why"]')?.textContent).toContain('人事信息');
    expect(container.querySelector('[data-task]')).toBeNull();
  });
});
