import type { FlexApi, SideNavChildProps } from '../../flex/flexApi.js';

export interface StaffViewLinkProps extends SideNavChildProps {
  readonly flex: FlexApi;
  readonly viewName: string;
  readonly label: string;
  /** A Flex icon name. */
  readonly icon: string;
}

/** An entry of Flex's side navigation that opens one of the views; Flex tells it which view is active. */
export function StaffViewLink({ flex, viewName, label, icon, activeView }: StaffViewLinkProps) {
  return (
    <flex.SideLink
      icon={icon}
      iconActive={icon}
      isActive={activeView === viewName}
      onClick={() => void flex.Actions.invokeAction('NavigateToView', { viewName })}
    >
      {label}
    </flex.SideLink>
  );
}
