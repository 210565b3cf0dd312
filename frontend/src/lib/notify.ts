/**
 * The bridge through which code outside React (the API client, the query cache) shows toasts.
 * ToastBridge, rendered inside antd's <App>, registers the context-aware message API here, so
 * toasts follow the theme and locale; before that, messages go to the console.
 */
export type Notifier = {
  error: (content: string) => void;
  success: (content: string) => void;
  warning: (content: string) => void;
};

const consoleNotifier: Notifier = {
  error: (c) => console.error(c),
  success: (c) => console.info(c),
  warning: (c) => console.warn(c),
};

let current: Notifier = consoleNotifier;

export function setNotifier(notifier: Notifier | null) {
  current = notifier ?? consoleNotifier;
}

export const notify: Notifier = {
  error: (c) => current.error(c),
  success: (c) => current.success(c),
  warning: (c) => current.warning(c),
};
