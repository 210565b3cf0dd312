import zhCN from './zh-CN.json';
import dashboardZhCN from './dashboard/zh-CN.json';
import importsZhCN from './imports/zh-CN.json';
import noticesZhCN from './notices/zh-CN.json';
import workflowZhCN from './workflow/zh-CN.json';

/**
 * The zh-CN texts as one i18next namespace. The workflow's texts (batches, applications,
 * qualifications, notices) live in their own file, under `workflow`; the leadership dashboard's under
 * `dashboard`; the spreadsheet imports' under `imports`; the public notice and the annual update's
 * under `notices`.
 */
export default { ...zhCN, ...workflowZhCN, ...dashboardZhCN, ...importsZhCN, ...noticesZhCN };
