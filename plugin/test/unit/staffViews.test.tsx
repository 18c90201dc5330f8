/** Registration of the supervisor and admin views in Flex's side navigation and view collection, from Flex's roles alone. */
import { cloneElement, type ReactElement } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { parsePluginConfig } from '../../src/config/pluginConfig.js';
import { registerStaffViews } from '../../src/features/staff-views/registerStaffViews.js';
import { STAFF_VIEWS, staffViewsFor, type ViewsBundle } from '../../src/features/staff-views/staffViews.js';
import type { FlexApi, SideLinkProps, SideNavChildProps, ViewProps } from '../../src/flex/flexApi.js';
import { strings } from '../../src/strings/index.js';
import { sessionIn } from './fakeSession.js';

const config = parsePluginConfig({ mintTokenUrl: 'https://example.com/mint', firebase: { apiKey: 'k', projectId: 'p' } });

function recordingFlex() {
  const links: ReactElement<SideNavChildProps>[] = [];
  const views: ReactElement<ViewProps>[] = [];
  const invoked: { name: string; payload?: object }[] = [];
  const flex: FlexApi = {
    TaskCanvasTabs: { Content: { add: () => undefined } },
    Tab: () => null,
    withTaskContext: () => () => null,
    Actions: { addListener: () => undefined, invokeAction: (name, payload) => (invoked.push({ name, payload }), Promise.resolve(true)) },
    Notifications: { registerNotification: () => undefined, showNotification: () => undefined },
    NotificationType: { error: 'error', information: 'information', success: 'success', warning: 'warning' },
    TaskHelper: { getTaskByTaskSid: () => undefined },
    SideNav: { Content: { add: (element) => void links.push(element as ReactElement<SideNavChildProps>) } },
    SideLink: ({ isActive, onClick, children }: SideLinkProps) => (
      <button type="button" aria-current={isActive ? 'page' : undefined} onClick={onClick}>
        {children}
      </button>
    ),
    ViewCollection: { Content: { add: (element) => void views.push(element as ReactElement<ViewProps>) } },
    View: ({ children }: ViewProps) => <>{children}</>,
  };
  return { flex, links, views, invoked };
}

function register(flexRoles: string[], loadViews: () => Promise<ViewsBundle> = () => new Promise(() => undefined)) {
  const recorded = recordingFlex();
  const registered = registerStaffViews(recorded.flex, {
    flexRoles,
    loadViews,
    version: '1.2.3',
    strings,
    session: sessionIn({ status: 'signingIn' }),
    retrySignIn: vi.fn(),
    config,
    normalizePhone: () => null,
    callFunction: vi.fn(),
  });
  return { ...recorded, registered };
}

describe('the supervisor and admin views in Flex', () => {
  it('gives an agent (or a guest) no link, no view, and never loads the views bundle', () => {
    const loadViews = vi.fn<() => Promise<ViewsBundle>>();
    for (const roles of [['agent'], ['guest'], []]) {
      const { links, views } = register(roles, loadViews);
      expect(links).toHaveLength(0);
      expect(views).toHaveLength(0);
    }
    expect(loadViews).not.toHaveBeenCalled();
  });

  it('gives a supervisor the outcomes view only, and an admin the reason codes as well', () => {
    expect(staffViewsFor(['agent', 'supervisor'])).toEqual(['dashboard']);
    expect(staffViewsFor(['admin'])).toEqual(['dashboard', 'reasonCodes']);
    const { links, views } = register(['admin']);
    expect(views.map((view) => view.props.name)).toEqual([STAFF_VIEWS.dashboard.name, STAFF_VIEWS.reasonCodes.name]);
    expect(links).toHaveLength(2);
  });

  it('links open their view through NavigateToView, and the active view’s link is marked current', async () => {
    const { links, invoked } = register(['supervisor']);
    const link = links[0];
    if (!link) throw new Error('no link registered');
    // Flex gives each child of the side navigation the active view.
    render(cloneElement(link, { activeView: 'agent-desktop' }));
    const button = screen.getByRole('button', { name: strings.dashboardLink });
    expect(button.getAttribute('aria-current')).toBeNull();

    await userEvent.click(button);
    expect(invoked).toEqual([{ name: 'NavigateToView', payload: { viewName: STAFF_VIEWS.dashboard.name } }]);

    render(cloneElement(link, { activeView: STAFF_VIEWS.dashboard.name }));
    expect(screen.getAllByRole('button', { name: strings.dashboardLink })[1]?.getAttribute('aria-current')).toBe('page');
  });

  it('shows the view once the bundle has loaded, handing it the session and settings', async () => {
    const Dashboard = vi.fn(() => <p>the dashboard</p>);
    const bundle: ViewsBundle = { version: '1.2.3', views: { dashboard: Dashboard, reasonCodes: () => null } };
    const { views } = register(['supervisor'], () => Promise.resolve(bundle));
    render(<>{views[0]}</>);
    expect(screen.getByRole('status').textContent).toBe(strings.viewLoading);
    expect((await screen.findByText('the dashboard')).textContent).toBe('the dashboard');
    expect(Dashboard).toHaveBeenCalledWith(expect.objectContaining({ config }), expect.anything());
  });

  it('says so, and offers Try again, when the bundle cannot be loaded', async () => {
    const loadViews = vi
      .fn<() => Promise<ViewsBundle>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ version: '1.2.3', views: { dashboard: () => <p>the dashboard</p>, reasonCodes: () => null } });
    const { views } = register(['supervisor'], loadViews);
    render(<>{views[0]}</>);
    expect((await screen.findByRole('alert')).textContent).toContain(strings.viewLoadFailed);

    await userEvent.click(screen.getByRole('button', { name: strings.retry }));
    expect((await screen.findByText('the dashboard')).textContent).toBe('the dashboard');
  });
});
