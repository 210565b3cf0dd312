import { App } from 'antd';
import { useEffect } from 'react';
import { setNotifier } from '@/lib/notify';

/** ToastBridge hands antd's context-aware message API to code outside React. */
export function ToastBridge() {
  const { message } = App.useApp();
  useEffect(() => {
    setNotifier({
      error: (c) => void message.error(c),
      success: (c) => void message.success(c),
      warning: (c) => void message.warning(c),
    });
    return () => setNotifier(null);
  }, [message]);
  return null;
}
