/**
 * Whether the element highlights are drawn on the page: toggled by the panel's button or the keyboard shortcut
 * (manifest command `toggle-highlights`, passed on by the background page as a PanelCommand).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isPanelCommand } from '../messaging/protocol';

export function useHighlightToggle(): [boolean, () => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const onMessage = (message: unknown) => {
      if (isPanelCommand(message) && message.command === 'toggle-highlights') setOn((was) => !was);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  return [on, () => setOn((was) => !was)];
}
