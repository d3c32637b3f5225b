import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<string, string> = { draft: 'gold', final: 'green' };

/** A version's status: 征求意见稿 (draft for comment) or 定稿 (final). */
export default function PlanStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = status === 'draft' || status === 'final';
  return (
    <Tag color={COLOURS[status] ?? 'default'} data-testid="plan-status">
      {known ? t(`plans.status.${status}`) : status}
    </Tag>
  );
}
