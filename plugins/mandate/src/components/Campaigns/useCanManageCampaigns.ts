import { usePermission } from '@backstage/plugin-permission-react';
import { mandateCampaignManagePermission } from '@mandate-dev/plugin-mandate-common';

/** Whether the user may create, edit and archive campaigns: the UI hides what it may not do. */
export function useCanManageCampaigns(): boolean {
  return usePermission({ permission: mandateCampaignManagePermission }).allowed;
}
