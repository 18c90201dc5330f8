/**
 * Adds the supervisor and admin views to Flex: an entry in the side navigation
 * and a view in the view collection for each view the user's Flex roles allow.
 * Decided from Flex's own roles at start, without waiting for Firebase; agents
 * get nothing, and never download the views bundle.
 */
import type { FlexApi } from '../../flex/flexApi.js';
import type { Strings } from '../../strings/index.js';
import { StaffViewHost } from './StaffViewHost.js';
import { StaffViewLink } from './StaffViewLink.js';
import { STAFF_VIEWS, staffViewsFor, type StaffViewKey, type StaffViewProps, type ViewsBundle } from './staffViews.js';

export interface StaffViewsDependencies extends StaffViewProps {
  readonly flexRoles: readonly string[];
  readonly loadViews: () => Promise<ViewsBundle>;
  readonly version: string;
  readonly strings: Strings;
}

/** Below Flex's own entries (agent desktop, teams, queues stats…). */
const SIDE_NAV_SORT_ORDER = 100;

const ICONS: Record<StaffViewKey, string> = { dashboard: 'Dashboard', reasonCodes: 'Settings' };

export function registerStaffViews(flex: FlexApi, { flexRoles, loadViews, version, strings, ...viewProps }: StaffViewsDependencies): StaffViewKey[] {
  const views = staffViewsFor(flexRoles);
  const labels: Record<StaffViewKey, string> = { dashboard: strings.dashboardLink, reasonCodes: strings.reasonCodesLink };
  views.forEach((view, index) => {
    const { name } = STAFF_VIEWS[view];
    flex.SideNav.Content.add(<StaffViewLink key={name} flex={flex} viewName={name} label={labels[view]} icon={ICONS[view]} />, {
      sortOrder: SIDE_NAV_SORT_ORDER + index,
    });
    flex.ViewCollection.Content.add(
      <flex.View key={name} name={name}>
        <StaffViewHost view={view} loadViews={loadViews} expectedVersion={version} strings={strings} {...viewProps} />
      </flex.View>,
    );
  });
  return views;
}
