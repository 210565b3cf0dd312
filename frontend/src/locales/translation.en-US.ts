import enUS from './en-US.json';
import dashboardEnUS from './dashboard/en-US.json';
import importsEnUS from './imports/en-US.json';
import noticesEnUS from './notices/en-US.json';
import workflowEnUS from './workflow/en-US.json';

/** The en-US texts as one i18next namespace, merged as translation.zh-CN merges the zh-CN files. */
export default { ...enUS, ...workflowEnUS, ...dashboardEnUS, ...importsEnUS, ...noticesEnUS };
