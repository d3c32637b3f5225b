import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CommentOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  HomeOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { SessionAllowed } from '../contract/session';

export type AreaKey =
  | 'plans'
  | 'consultations'
  | 'ledger'
  | 'rounds'
  | 'registers'
  | 'statistics'
  | 'units'
  | 'audit'
  | 'users';

export interface Area {
  key: AreaKey;
  path: string;
  icon: ReactNode;
  group: 'work' | 'system';
  built: boolean;
  /** The session permission that shows the area; absent means every signed-in user. */
  permission?: keyof SessionAllowed;
}

/** The product's areas in navigation order. `built: false` areas show a plain "not built yet" page. */
export const AREAS: readonly Area[] = [
  { key: 'plans', path: '/plans', icon: <FileTextOutlined />, group: 'work', built: true },
  { key: 'consultations', path: '/consultations', icon: <CommentOutlined />, group: 'work', built: true },
  { key: 'ledger', path: '/ledger', icon: <UnorderedListOutlined />, group: 'work', built: true },
  { key: 'rounds', path: '/rounds', icon: <ScheduleOutlined />, group: 'work', built: true },
  { key: 'registers', path: '/registers', icon: <DatabaseOutlined />, group: 'work', built: true },
  { key: 'statistics', path: '/statistics', icon: <BarChartOutlined />, group: 'work', built: true },
  { key: 'units', path: '/units', icon: <ApartmentOutlined />, group: 'system', built: true },
  { key: 'users', path: '/users', icon: <TeamOutlined />, group: 'system', built: true, permission: 'manageUsers' },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, group: 'system', built: true, permission: 'readAudit' },
];

export const HOME_ICON = <HomeOutlined />;

export function visibleAreas(allowed: SessionAllowed): Area[] {
  return AREAS.filter((area) => !area.permission || allowed[area.permission]);
}
