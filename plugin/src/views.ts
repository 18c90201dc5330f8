/**
 * Entry of the second bundle: the supervisor and admin views. The agent
 * bundle loads it only for users whose Flex roles show these views
 * (features/staff-views/), so agents never download it.
 */
import { ReasonCodesView } from './features/reason-code-editor/ReasonCodesView.js';
import type { ViewsBundle } from './features/staff-views/staffViews.js';
import { SupervisorView } from './features/supervisor-dashboard/SupervisorView.js';

declare const __PLUGIN_VERSION__: string;

export const version: ViewsBundle['version'] = __PLUGIN_VERSION__;

export const views: ViewsBundle['views'] = {
  dashboard: SupervisorView,
  reasonCodes: ReasonCodesView,
};
