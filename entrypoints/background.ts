/**
 * Background: opens our panel from the toolbar button (Chrome/Edge side panel; Firefox sidebar) and passes keyboard
 * shortcuts on to the panel.
 */
import { isPanelCommand, PANEL_COMMAND } from '@/lib/messaging/protocol';

export default defineBackground(() => {
  // Keyboard shortcuts go to whichever panel is open.
  browser.commands?.onCommand.addListener((command: string) => {
    const message = { type: PANEL_COMMAND, command };
    if (isPanelCommand(message)) void browser.runtime.sendMessage(message).catch(() => undefined);
  });
  if (import.meta.env.FIREFOX) {
    const sidebar = (browser as unknown as { sidebarAction: { toggle(): Promise<void> } }).sidebarAction;
    browser.browserAction.onClicked.addListener(() => {
      void sidebar.toggle();
    });
    return;
  }
  const chromeApi = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome;
  void chromeApi?.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
});
