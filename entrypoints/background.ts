/**
 * Background: opens our panel from the toolbar button. Chrome/Edge use the side panel; Firefox its sidebar.
 */
export default defineBackground(() => {
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
