import 'i18next';
import type dashboardZhCN from '@/locales/dashboard/zh-CN.json';
import type importsZhCN from '@/locales/imports/zh-CN.json';
import type noticesZhCN from '@/locales/notices/zh-CN.json';
import type workflowZhCN from '@/locales/workflow/zh-CN.json';
import type zhCN from '@/locales/zh-CN.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN & typeof workflowZhCN & typeof dashboardZhCN & typeof importsZhCN & typeof noticesZhCN };
  }
}
